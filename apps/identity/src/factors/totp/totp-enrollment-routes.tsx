/**
 * Enrolling a code method by its secret (the otpauth:// QR code and the grouped key), for any
 * authenticator app — and for Sesame Verify without push: a pending authenticator with a fresh
 * secret that becomes active only with one valid code (G-05), made by this flow and confirmable
 * by this flow only (G-40). An abandoned attempt stays pending and never counts.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { findAccountById } from '../../accounts/queries.ts';
import type { FlowContext } from '../../sign-in/step-kit.ts';
import type { MessageKey } from '../../ui/i18n/messages.ts';
import { qrSvg } from '../../ui/qr-svg.ts';
import { pageBase, sendPage } from '../../ui/render-page.ts';
import { deleteStalePendingAuthenticators, findAuthenticator } from '../authenticator-queries.ts';
import type { Authenticator, FactorDeps } from '../factor.ts';
import { recordConfirmation } from '../record-confirmation.ts';
import { TotpEnrollmentPage } from './totp-enrollment-page.tsx';
import { totpKeyUri } from './totp-key-uri.ts';
import { readTotpSecret, storeTotpSecret } from './totp-queries.ts';
import { encodeTotpSecret, generateTotpSecret, groupTotpSecret } from './totp-secret.ts';
import { verifyTotpCode } from './verify-totp-code.ts';

const ConfirmBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  authenticatorId: Type.String({ maxLength: 64 }),
  code: Type.String({ maxLength: 16 }),
});
const pendingTtlMs = 3600_000;

export interface TotpEnrollment {
  /** The method whose authenticator this makes (its registry kind). */
  kind: string;
  /** Where the pages live, under the flow's enroll/. */
  path: string;
  /** What the configuration page says was added (the method's slug). */
  addedSlug: string;
  heading: MessageKey;
  label: MessageKey;
}

export function totpEnrollmentRoutes(enrollment: TotpEnrollment) {
  return async (app: FastifyInstance, deps: FactorDeps): Promise<void> => {
    const { kit, db, box, now } = deps;
    const path = (context: FlowContext) => `${context.base}/enroll/${enrollment.path}`;

    async function render(
      request: FastifyRequest,
      reply: FastifyReply,
      context: FlowContext,
      pending: Authenticator,
      failed: boolean,
    ) {
      const account = await findAccountById(db, context.accountId);
      const stored = await readTotpSecret(db, box, pending.id);
      if (stored === undefined) throw new Error('pending authenticator has no secret');
      const uri = totpKeyUri({
        issuer: new URL(deps.publicUrl).host,
        account: account?.username ?? '',
        secret: stored.secret,
      });
      const page = (
        <TotpEnrollmentPage
          {...pageBase(request)}
          heading={request.page.t(enrollment.heading)}
          action={path(context)}
          csrf={kit.csrf(context.token)}
          authenticatorId={pending.id}
          qrSvg={await qrSvg(uri)}
          groupedSecret={groupTotpSecret(encodeTotpSecret(stored.secret))}
          failed={failed}
          backHref={`${context.base}/enroll`}
        />
      );
      return sendPage(reply, page, failed ? 400 : 200);
    }

    app.get(`/enroll/${enrollment.path}`, async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'enroll');
      await deleteStalePendingAuthenticators(db, context.accountId, now() - pendingTtlMs);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('authenticators')
          .values({
            id,
            account_id: context.accountId,
            kind: enrollment.kind,
            status: 'pending',
            label: request.page.t(enrollment.label),
            created_at: now(),
            activated_at: null,
            last_used_at: null,
            flow_id: context.flow.id,
          })
          .execute();
        await storeTotpSecret(trx, box, id, generateTotpSecret());
      });
      const pending = await findAuthenticator(db, context.accountId, id);
      if (pending === undefined) throw new Error('pending authenticator vanished');
      return render(request, reply, context, pending, false);
    });

    app.post<{ Body: Static<typeof ConfirmBody> }>(
      `/enroll/${enrollment.path}`,
      { schema: { body: ConfirmBody } },
      async (request, reply) => {
        const context = await kit.flowAt(request, reply, 'enroll', { token: request.body.csrf });
        const pending = await findAuthenticator(
          db,
          context.accountId,
          request.body.authenticatorId,
        );
        // Only a still pending, recent authenticator that this very flow made can be confirmed.
        if (
          pending === undefined ||
          pending.status !== 'pending' ||
          pending.flow_id !== context.flow.id ||
          pending.created_at < now() - pendingTtlMs
        ) {
          return reply.redirect(path(context), 303);
        }
        // Confirmation codes count toward the method's failure limits, like sign-in codes (G-39).
        const { ok } = await verifyTotpCode(deps, {
          accountId: context.accountId,
          authenticator: pending,
          code: request.body.code,
          ip: request.ip,
          activate: true,
        });
        await recordConfirmation(db, request, {
          accountId: context.accountId,
          kind: pending.kind,
          ok,
          nowMs: now(),
        });
        if (!ok) return render(request, reply, context, pending, true);
        const done = `${context.base}/enroll/done?added=${enrollment.addedSlug}`;
        return reply.redirect(done, 303);
      },
    );
  };
}

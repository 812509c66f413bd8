/**
 * Any other authenticator app (Google Authenticator, Microsoft Authenticator, 1Password…), and
 * Sesame Verify without push: a pending authenticator with a fresh secret, shown as an otpauth://
 * QR code and as a grouped key, that becomes active only with one valid code (G-05). An abandoned
 * attempt stays pending and never counts, nor replaces a working authenticator.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { findAccountById } from '../../accounts/queries.ts';
import { recordAuditEvent } from '../../audit/record-audit-event.ts';
import type { FlowContext } from '../../sign-in/interaction-kit.ts';
import { InteractionParams } from '../../sign-in/sign-in-routes.tsx';
import { qrSvg } from '../../ui/qr-svg.ts';
import { pageBase, sendPage } from '../../ui/render-page.ts';
import {
  type Authenticator,
  deleteStalePendingAuthenticators,
  findAuthenticator,
} from '../authenticator-queries.ts';
import type { Factor, FactorDeps } from '../factor.ts';
import {
  openTotpSecret,
  totpSecretPurpose,
  verifyCodeWithinLimit,
} from '../verify-authenticator-code.ts';
import { TotpEnrollmentPage } from './totp-enrollment-page.tsx';
import { totpKeyUri } from './totp-key-uri.ts';
import { encodeTotpSecret, generateTotpSecret, groupTotpSecret } from './totp-secret.ts';

const AppQuery = Type.Object({ app: Type.Optional(Type.Literal('sesame-verify')) });
const ConfirmBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  authenticatorId: Type.String({ maxLength: 64 }),
  code: Type.String({ maxLength: 16 }),
});
const pendingTtlMs = 3600_000;

async function otherAppRoutes(app: FastifyInstance, deps: FactorDeps): Promise<void> {
  const { kit, db, box, now } = deps;
  const path = (uid: string) => `/interaction/${uid}/enroll/other-app`;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    context: FlowContext,
    pending: Authenticator,
    failed: boolean,
  ) {
    const account = await findAccountById(db, context.accountId);
    const secret = openTotpSecret(box, pending);
    const { t } = request.page;
    const uri = totpKeyUri({
      issuer: new URL(deps.publicUrl).host,
      account: account?.username ?? '',
      secret,
    });
    const page = (
      <TotpEnrollmentPage
        {...pageBase(request)}
        heading={t(pending.kind === 'sesame-verify' ? 'totp.titleSesameVerify' : 'totp.title')}
        action={path(context.details.uid)}
        csrf={kit.csrf(context.token)}
        authenticatorId={pending.id}
        qrSvg={await qrSvg(uri)}
        groupedSecret={groupTotpSecret(encodeTotpSecret(secret))}
        failed={failed}
        backHref={`/interaction/${context.details.uid}/enroll`}
      />
    );
    return sendPage(reply, page, failed ? 400 : 200);
  }

  app.get<{ Params: Static<typeof InteractionParams>; Querystring: Static<typeof AppQuery> }>(
    '/interaction/:uid/enroll/other-app',
    { schema: { params: InteractionParams, querystring: AppQuery } },
    async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'enroll');
      await deleteStalePendingAuthenticators(db, context.accountId, now() - pendingTtlMs);
      const id = randomUUID();
      const kind = request.query.app === 'sesame-verify' ? 'sesame-verify' : 'totp';
      const secret = encodeTotpSecret(generateTotpSecret());
      await db
        .insertInto('authenticators')
        .values({
          id,
          account_id: context.accountId,
          kind,
          status: 'pending',
          label: request.page.t(
            kind === 'totp' ? 'factor.totp.title' : 'factor.sesameVerify.title',
          ),
          sealed_secret: box.seal(secret, totpSecretPurpose(id)),
          last_used_step: null,
          created_at: now(),
          activated_at: null,
          last_used_at: null,
          flow_id: context.flow.id,
        })
        .execute();
      const pending = await findAuthenticator(db, context.accountId, id);
      if (pending === undefined) throw new Error('pending authenticator vanished');
      return render(request, reply, context, pending, false);
    },
  );

  app.post<{ Params: Static<typeof InteractionParams>; Body: Static<typeof ConfirmBody> }>(
    '/interaction/:uid/enroll/other-app',
    { schema: { params: InteractionParams, body: ConfirmBody } },
    async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'enroll', { token: request.body.csrf });
      const pending = await findAuthenticator(db, context.accountId, request.body.authenticatorId);
      // Only a still pending, recent authenticator that this very flow made can be confirmed.
      if (
        pending === undefined ||
        pending.status !== 'pending' ||
        pending.flow_id !== context.flow.id ||
        pending.created_at < now() - pendingTtlMs
      ) {
        return reply.redirect(path(context.details.uid), 303);
      }
      // Confirmation codes count toward the account's one failure limit, like every factor (G-07).
      const { ok } = await verifyCodeWithinLimit(deps, {
        accountId: context.accountId,
        authenticator: pending,
        code: request.body.code,
        ip: request.ip,
        activate: true,
      });
      await recordAuditEvent(
        db,
        {
          type: ok ? 'authenticator.added' : 'authenticator.confirm_failed',
          accountId: context.accountId,
          reason: pending.kind,
          ip: request.ip,
          requestId: request.id,
        },
        now(),
      );
      if (!ok) return render(request, reply, context, pending, true);
      const slug = pending.kind === 'totp' ? 'other-app' : 'sesame-verify';
      return reply.redirect(`/interaction/${context.details.uid}/enroll/done?added=${slug}`, 303);
    },
  );
}

export const otherAppFactor = {
  kind: 'totp',
  slug: 'other-app',
  title: 'factor.totp.title',
  description: 'factor.totp.description',
  amr: ['otp'],
  enrollmentRoutes: otherAppRoutes,
} as const satisfies Factor;

/**
 * Enrolling an email or SMS code (step 9, or the security page): the page shows where codes will
 * go — the account's own verified address or phone number, never one typed here — and sends a
 * code there; the authenticator (pending, made by this flow) becomes active only with that code,
 * and keeps the destination it confirmed. A method that does not satisfy "MFA required" (an email
 * code) is enrolled only beside one that does (G-17).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type Static, Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import { readAccountStanding } from '../../policy/mfa-policy.ts';
import type { FlowContext } from '../../sign-in/step-kit.ts';
import { pageBase, sendPage } from '../../ui/render-page.ts';
import { findAuthenticator, mayStillEnroll } from '../authenticator-queries.ts';
import type { Authenticator, FactorDeps } from '../factor.ts';
import { recordConfirmation } from '../record-confirmation.ts';
import { startNotice } from '../start-notice.ts';
import { issueSentCode } from './issue-sent-code.ts';
import { type SentCodeChannel, sentCodeNotices } from './sent-code-channel.ts';
import { SentCodeEnrollmentPage } from './sent-code-enrollment-page.tsx';
import { findFlowPending, findPendingCode } from './sent-code-queries.ts';
import { verifySentCode } from './verify-sent-code.ts';

const Csrf = Type.Optional(Type.String({ maxLength: 128 }));
const Id = Type.String({ maxLength: 64 });
const SendBody = Type.Object({ csrf: Csrf, authenticatorId: Type.Optional(Id) });
const ConfirmBody = Type.Object({
  csrf: Csrf,
  authenticatorId: Id,
  code: Type.String({ maxLength: 16 }),
});

export interface SentCodeEnrollment {
  channel: SentCodeChannel;
  /** Whether it may be the account's only method (it satisfies "MFA required"). */
  alone: boolean;
}

export function sentCodeEnrollmentRoutes({ channel, alone }: SentCodeEnrollment) {
  return async (app: FastifyInstance, deps: FactorDeps): Promise<void> => {
    const { kit, db, now } = deps;
    const { messages } = channel;
    const path = (context: FlowContext) => `${context.base}/enroll/${channel.slug}`;

    /** A method that may not stand alone needs one that satisfies "MFA required" beside it. */
    async function hasCompanion(trx: Kysely<Database>, accountId: string): Promise<boolean> {
      return alone || ((await readAccountStanding(trx, accountId))?.activeMethods.length ?? 0) > 0;
    }

    /**
     * This flow's pending authenticator of the method (one per flow: a reload or a resend keeps
     * it); a form naming another (an older page) gets none.
     */
    async function pendingOf(context: FlowContext, id?: string) {
      const found = await findFlowPending(db, {
        accountId: context.accountId,
        flowId: context.flow.id,
        kind: channel.kind,
      });
      return id === undefined || found?.id === id ? found : undefined;
    }

    async function render(
      request: FastifyRequest,
      reply: FastifyReply,
      context: FlowContext,
      state: { pending?: Authenticator; error?: string },
    ) {
      const { t } = request.page;
      const destination = await channel.destinationOf(deps, context.accountId);
      const companion = await hasCompanion(db, context.accountId);
      const codeSent =
        state.pending !== undefined &&
        (await findPendingCode(
          db,
          {
            accountId: context.accountId,
            flowId: context.flow.id,
            authenticatorId: state.pending.id,
            kind: channel.kind,
          },
          now(),
        )) !== undefined;
      const refused = destination === undefined || !companion;
      const shown = destination === undefined ? '' : channel.mask(destination);
      const page = (
        <SentCodeEnrollmentPage
          {...pageBase(request)}
          heading={t(messages.title)}
          intro={
            destination === undefined
              ? t(messages.unavailable)
              : !companion
                ? t('sentCode.needsCompanion', { method: t(messages.title) })
                : t(codeSent ? messages.sentIntro : messages.startIntro, { destination: shown })
          }
          note={messages.enrollNote === undefined ? undefined : t(messages.enrollNote)}
          state={refused ? 'refused' : codeSent ? 'code' : 'start'}
          action={path(context)}
          csrf={kit.csrf(context.token)}
          authenticatorId={state.pending?.id}
          sendLabel={t(messages.send)}
          error={state.error}
          backHref={`${context.base}/enroll`}
        />
      );
      return sendPage(reply, page, state.error === undefined ? 200 : 400);
    }

    app.get(`/enroll/${channel.slug}`, async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'enroll');
      const pending = await pendingOf(context);
      return render(request, reply, context, pending === undefined ? {} : { pending });
    });

    // « Envoyer le code » / « Renvoyer le code »: to the account's own destination only.
    app.post<{ Body: Static<typeof SendBody> }>(
      `/enroll/${channel.slug}/send`,
      { schema: { body: SendBody } },
      async (request, reply) => {
        const context = await kit.flowAt(request, reply, 'enroll', { token: request.body.csrf });
        const destination = await channel.destinationOf(deps, context.accountId);
        if (destination === undefined || !(await hasCompanion(db, context.accountId)))
          return reply.redirect(path(context), 303);
        const pending =
          (await pendingOf(context)) ??
          (await createPending(db, context, channel, channel.mask(destination), now()));
        const sent = await issueSentCode(deps, channel, {
          accountId: context.accountId,
          flowId: context.flow.id,
          authenticatorId: pending.id,
          destination,
          t: request.page.t,
        });
        if (!sent.ok) {
          const error = startNotice(
            request.page.t,
            { ...sent, notices: sentCodeNotices(messages) },
            now(),
          );
          return render(request, reply, context, { pending, error });
        }
        return reply.redirect(path(context), 303);
      },
    );

    app.post<{ Body: Static<typeof ConfirmBody> }>(
      `/enroll/${channel.slug}`,
      { schema: { body: ConfirmBody } },
      async (request, reply) => {
        const context = await kit.flowAt(request, reply, 'enroll', { token: request.body.csrf });
        const pending = await pendingOf(context, request.body.authenticatorId);
        if (pending === undefined) return reply.redirect(path(context), 303);
        // Confirmation codes count toward the method's failure limits, like sign-in codes (G-39).
        const result = await verifySentCode(deps, {
          accountId: context.accountId,
          flowId: context.flow.id,
          authenticator: pending,
          code: request.body.code,
          ip: request.ip,
          amr: [],
          activate: {
            mayActivate: async (trx) =>
              (await mayStillEnroll(trx, context.accountId, pending.flow_id)) &&
              (await hasCompanion(trx, context.accountId)),
          },
        });
        await recordConfirmation(db, request, {
          accountId: context.accountId,
          kind: pending.kind,
          ok: result.ok,
          nowMs: now(),
        });
        if (result.ok)
          return reply.redirect(`${context.base}/enroll/done?added=${channel.slug}`, 303);
        const { t } = request.page;
        const error = result.reason === 'expired' ? t('sentCode.expired') : t('sentCode.invalid');
        return render(request, reply, context, { pending, error });
      },
    );
  };
}

async function createPending(
  db: Kysely<Database>,
  context: FlowContext,
  channel: SentCodeChannel,
  label: string,
  nowMs: number,
): Promise<Authenticator> {
  const id = randomUUID();
  await db
    .insertInto('authenticators')
    .values({
      id,
      account_id: context.accountId,
      kind: channel.kind,
      status: 'pending',
      label,
      created_at: nowMs,
      activated_at: null,
      last_used_at: null,
      flow_id: context.flow.id,
    })
    .execute();
  const made = await findAuthenticator(db, context.accountId, id);
  if (made === undefined) throw new Error('pending authenticator vanished');
  return made;
}

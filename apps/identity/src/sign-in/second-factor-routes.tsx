/**
 * The second step of a later sign-in: a 6-digit code from one of the account's authenticators
 * (Sesame Verify first), « Essayer une autre méthode » to switch. Codes are accepted once (the
 * step is consumed atomically) and failures count toward the account's one limit, shared with the
 * password (G-02, G-07, G-09).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { type Authenticator, listActiveAuthenticators } from '../factors/authenticator-queries.ts';
import { describeAuthenticator } from '../factors/describe-authenticator.ts';
import type { FactorDeps } from '../factors/factor.ts';
import { verifyCodeWithinLimit } from '../factors/verify-authenticator-code.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { methodsToVerify } from './flow.ts';
import type { FlowContext } from './interaction-kit.ts';
import { SecondFactorPage } from './second-factor-page.tsx';
import { InteractionParams } from './sign-in-routes.tsx';

const MethodQuery = Type.Object({ authenticator: Type.Optional(Type.String({ maxLength: 64 })) });
const CodeBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  authenticatorId: Type.String({ maxLength: 64 }),
  code: Type.String({ maxLength: 16 }),
});

/** Sesame Verify first, as the guide expects; then the others in the order they were added. */
function preferred(
  authenticators: Authenticator[],
  wanted: string | undefined,
): Authenticator | undefined {
  return (
    authenticators.find((a) => a.id === wanted) ??
    authenticators.find((a) => a.kind === 'sesame-verify') ??
    authenticators[0]
  );
}

export async function secondFactorRoutes(app: FastifyInstance, deps: FactorDeps): Promise<void> {
  const { kit, db, now } = deps;
  const path = (uid: string) => `/interaction/${uid}/verify`;

  /** The account's active methods, except any this flow enrolled itself (G-40). */
  async function verifiableAuthenticators(context: FlowContext): Promise<Authenticator[]> {
    const standing = context.standing;
    if (standing === undefined) return [];
    const allowed = new Set(methodsToVerify(context.flow, standing).map((method) => method.id));
    const active = await listActiveAuthenticators(db, context.accountId);
    return active.filter((authenticator) => allowed.has(authenticator.id));
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    context: FlowContext,
    wanted: string | undefined,
    failed: boolean,
  ) {
    const authenticators = await verifiableAuthenticators(context);
    const chosen = preferred(authenticators, wanted);
    // flowAt said "mfa": there is one, unless it went in between; the flow then says where to go.
    if (chosen === undefined) return reply.redirect(`/interaction/${context.details.uid}`, 303);
    const { t } = request.page;
    kit.allowClientRedirect(request, reply, context.details);
    const page = (
      <SecondFactorPage
        {...pageBase(request)}
        action={path(context.details.uid)}
        csrf={kit.csrf(context.token)}
        authenticatorId={chosen.id}
        intro={
          chosen.kind === 'sesame-verify'
            ? t('verify.intro.sesame-verify', { device: chosen.label })
            : t('verify.intro.totp')
        }
        failed={failed}
        others={authenticators
          .filter((a) => a.id !== chosen.id)
          .map((a) => ({
            id: a.id,
            label: describeAuthenticator(t, a),
            href: `${path(context.details.uid)}?authenticator=${a.id}`,
          }))}
      />
    );
    return sendPage(reply, page, failed ? 401 : 200);
  }

  app.get<{ Params: Static<typeof InteractionParams>; Querystring: Static<typeof MethodQuery> }>(
    '/interaction/:uid/verify',
    { schema: { params: InteractionParams, querystring: MethodQuery } },
    async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'mfa');
      return render(request, reply, context, request.query.authenticator, false);
    },
  );

  app.post<{ Params: Static<typeof InteractionParams>; Body: Static<typeof CodeBody> }>(
    '/interaction/:uid/verify',
    { schema: { params: InteractionParams, body: CodeBody } },
    async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'mfa', { token: request.body.csrf });
      const authenticator = (await verifiableAuthenticators(context)).find(
        (a) => a.id === request.body.authenticatorId,
      );
      const checked = await verifyCodeWithinLimit(deps, {
        accountId: context.accountId,
        authenticator,
        code: request.body.code,
        ip: request.ip,
      });
      const { ok } = checked;
      const reason = ok ? authenticator?.kind : checked.reason;
      await kit.audit(request, {
        type: ok ? 'sign_in.second_factor_succeeded' : 'sign_in.second_factor_failed',
        accountId: context.accountId,
        clientId: String(context.details.params.client_id),
        reason: reason ?? null,
      });
      // One message for a wrong, replayed or throttled code.
      if (!ok) return render(request, reply, context, request.body.authenticatorId, true);
      return kit.completeStep(request, reply, context, {
        step: 'mfa',
        amr: ['otp'],
        accountId: context.accountId,
      });
    },
  );
}

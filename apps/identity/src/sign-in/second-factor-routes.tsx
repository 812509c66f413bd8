/**
 * The second step of a later sign-in: one of the account's methods (the registry's preferred one
 * first), « Essayer une autre méthode » to switch. This step names no method: each method begins
 * its own challenge and verifies its own answer (factors/factor.ts), and the step's amr are what
 * that verification returned. Failures count toward the method's own limits (G-39).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { describeAuthenticator } from '../factors/describe-authenticator.ts';
import type { Authenticator, Factor, FactorDeps, VerificationContext } from '../factors/factor.ts';
import { byPreference, factorOfKind } from '../factors/index.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { methodsToVerify } from './flow.ts';
import { SecondFactorPage } from './second-factor-page.tsx';
import type { FlowContext } from './step-kit.ts';

const MethodQuery = Type.Object({ authenticator: Type.Optional(Type.String({ maxLength: 64 })) });
const AnswerBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  authenticatorId: Type.String({ maxLength: 64 }),
  code: Type.Optional(Type.String({ maxLength: 16 })),
});

/** An authenticator of the account, with the method it belongs to. */
interface Verifiable {
  authenticator: Authenticator;
  factor: Factor;
}

export async function secondFactorRoutes(app: FastifyInstance, deps: FactorDeps): Promise<void> {
  const { kit } = deps;
  const path = (context: FlowContext) => `${context.base}/verify`;

  /** The account's active methods, preferred first, except any this flow enrolled (G-40). */
  function verifiable(context: FlowContext): Verifiable[] {
    const standing = context.standing;
    if (standing === undefined) return [];
    // The records this step's own read of the account holds: no second read (G-40 holds).
    return methodsToVerify(context.flow, standing)
      .sort(byPreference)
      .flatMap((authenticator) => {
        const factor = factorOfKind(authenticator.kind);
        return factor ? [{ authenticator, factor }] : [];
      });
  }

  function verificationContext(
    request: FastifyRequest,
    context: FlowContext,
    authenticator: Authenticator,
  ): VerificationContext {
    return { accountId: context.accountId, flowId: context.flow.id, authenticator, ip: request.ip };
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    context: FlowContext,
    wanted: string | undefined,
    failed: boolean,
  ) {
    const methods = verifiable(context);
    const chosen = methods.find((m) => m.authenticator.id === wanted) ?? methods[0];
    // flowAt said "mfa": there is one, unless it went in between; the flow then says where to go.
    if (chosen === undefined) return reply.redirect(context.base, 303);
    const { t } = request.page;
    const prompt = await chosen.factor.verification.begin(
      deps,
      verificationContext(request, context, chosen.authenticator),
      t,
    );
    kit.allowFormTargets(request, reply, context.hosted);
    const page = (
      <SecondFactorPage
        {...pageBase(request)}
        action={path(context)}
        csrf={kit.csrf(context.token)}
        authenticatorId={chosen.authenticator.id}
        intro={prompt.intro}
        failed={failed}
        others={methods
          .filter((m) => m !== chosen)
          .map(({ authenticator }) => ({
            id: authenticator.id,
            label: describeAuthenticator(t, authenticator),
            href: `${path(context)}?authenticator=${authenticator.id}`,
          }))}
      />
    );
    return sendPage(reply, page, failed ? 401 : 200);
  }

  app.get<{ Querystring: Static<typeof MethodQuery> }>(
    '/verify',
    { schema: { querystring: MethodQuery } },
    async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'mfa');
      return render(request, reply, context, request.query.authenticator, false);
    },
  );

  app.post<{ Body: Static<typeof AnswerBody> }>(
    '/verify',
    { schema: { body: AnswerBody } },
    async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'mfa', { token: request.body.csrf });
      const chosen = verifiable(context).find(
        (m) => m.authenticator.id === request.body.authenticatorId,
      );
      // An authenticator that is not one this flow may verify with is refused unevaluated.
      const result = chosen
        ? await chosen.factor.verification.verify(
            deps,
            verificationContext(request, context, chosen.authenticator),
            { code: request.body.code },
          )
        : ({ ok: false, reason: 'invalid' } as const);
      await kit.audit(request, {
        type: result.ok ? 'sign_in.second_factor_succeeded' : 'sign_in.second_factor_failed',
        accountId: context.accountId,
        clientId: context.hosted.clientId,
        reason: result.ok ? (chosen?.factor.kind ?? null) : result.reason,
      });
      // One message for a wrong, replayed or throttled answer.
      if (!result.ok) return render(request, reply, context, request.body.authenticatorId, true);
      return kit.completeStep(request, reply, context, {
        step: 'mfa',
        amr: [...result.amr],
        accountId: context.accountId,
      });
    },
  );
}

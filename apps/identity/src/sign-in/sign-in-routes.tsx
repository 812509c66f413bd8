/**
 * The interaction UI: oidc-provider sends the browser to /interaction/:uid; this page shows the
 * step the flow is at (password here; enrollment and verification have their own routes) and the
 * password step itself. Handlers orchestrate; the checks live in check-password.ts and flow.ts.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { InteractionDetails, InteractionHost } from '../oidc/interaction-host.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { CookiePolicy } from '../security/cookies.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { type CheckPasswordDeps, checkPassword } from './check-password.ts';
import { InteractionParams } from './interaction-params.ts';
import { startFlow } from './queries.ts';
import { SignInPage } from './sign-in-page.tsx';
import { type AdvancedStep, flowTtlSeconds, type StepKit } from './step-kit.ts';

export interface SignInRoutesOptions extends CheckPasswordDeps {
  kit: StepKit;
  interactions: InteractionHost;
  cookies: CookiePolicy;
  metrics: Metrics;
}

const LoginBody = Type.Object({
  // Optional here so that a missing token is refused as CSRF (403), like a wrong one (G-29).
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  username: Type.String({ maxLength: 320 }),
  password: Type.String({ maxLength: 1024 }),
});

export async function signInRoutes(
  app: FastifyInstance,
  options: SignInRoutesOptions,
): Promise<void> {
  const { db, now, kit, interactions } = options;

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    details: InteractionDetails,
    flowToken: string,
    extra: { username?: string; failed?: boolean },
  ) => {
    kit.allowFormTargets(request, reply, interactions.hosted(details));
    const page = (
      <SignInPage
        {...pageBase(request)}
        action={`/interaction/${details.uid}/login`}
        csrf={kit.csrf(flowToken)}
        clientName={await interactions.clientName(details)}
        {...extra}
      />
    );
    return sendPage(reply, page, extra.failed ? 401 : 200);
  };

  app.get<{ Params: Static<typeof InteractionParams> }>(
    '/interaction/:uid',
    { schema: { params: InteractionParams } },
    async (request, reply) => {
      const details = await interactions.interaction(request, reply);
      const hosted = interactions.hosted(details);
      const current = await kit.currentFlow(request, hosted);
      if (current !== undefined) {
        // Where the flow is now, as the account stands now (G-40).
        const moved = await kit.resume(request, reply, hosted, current.flow);
        return moved ?? render(request, reply, details, current.token, {});
      }
      const flowToken = randomBytes(32).toString('base64url');
      await startFlow(db, details.uid, flowToken, now(), flowTtlSeconds);
      const cookie = kit.flowCookie(hosted.base);
      reply.setCookie(cookie.name, flowToken, cookie.options(flowTtlSeconds));
      return render(request, reply, details, flowToken, {});
    },
  );

  // The page a failed POST re-rendered lives at /login: its language toggle comes back here.
  app.get<{ Params: Static<typeof InteractionParams> }>(
    '/interaction/:uid/login',
    { schema: { params: InteractionParams } },
    async (request, reply) => reply.redirect(`/interaction/${request.params.uid}`, 303),
  );

  app.post<{ Params: Static<typeof InteractionParams>; Body: Static<typeof LoginBody> }>(
    '/interaction/:uid/login',
    { schema: { params: InteractionParams, body: LoginBody } },
    async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'password', { token: request.body.csrf });
      const { username, password } = request.body;
      const clientId = context.hosted.clientId;
      // A success's audit event and the flow's advance are written in the transaction that
      // releases the attempt's limits (check-password.ts); a failure's event after it.
      let advanced: AdvancedStep | undefined;
      const passed = (accountId: string, verifiedPasswordHash: string) => ({
        step: 'password' as const,
        amr: ['pwd'],
        accountId,
        // Counts only if this is still the account's password when the step is recorded (G-41).
        verifiedPasswordHash,
      });
      const result = await checkPassword(options, {
        identifier: username,
        password,
        ip: request.ip,
        recordSuccess: async (trx, { account, verifiedPasswordHash }) => {
          const accountId = account.id;
          await kit.audit(
            request,
            { type: 'sign_in.succeeded', accountId, clientId, reason: 'password' },
            trx,
          );
          advanced = await kit.advance(trx, context, passed(accountId, verifiedPasswordHash));
        },
      });
      if (!result.ok)
        await kit.audit(request, {
          type: 'sign_in.failed',
          accountId: result.accountId,
          clientId,
          reason: result.reason,
        });
      options.metrics.signIns.inc({ result: result.ok ? 'success' : 'failure' });
      // G-11: unknown account, wrong password, locked or throttled: one status, one message.
      if (!result.ok) {
        const details = await interactions.interaction(request, reply);
        return render(request, reply, details, context.token, { username, failed: true });
      }
      // What comes next is read from the account's standing (the guide's triggers) by the kit.
      return kit.completeStep(
        request,
        reply,
        context,
        passed(result.account.id, result.verifiedPasswordHash),
        advanced,
      );
    },
  );
}

/**
 * The interaction UI: oidc-provider sends the browser to /interaction/:uid; this page shows the
 * step the flow is at (password here; enrollment and verification have their own routes) and the
 * password step itself. Handlers orchestrate; the checks live in check-password.ts and flow.ts.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { Metrics } from '../ops/metrics.ts';
import type { CookiePolicy } from '../security/cookies.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { type CheckPasswordDeps, checkPassword } from './check-password.ts';
import {
  flowTtlSeconds,
  type InteractionDetails,
  type InteractionKit,
  stepPaths,
} from './interaction-kit.ts';
import { InteractionParams } from './interaction-params.ts';
import { startFlow } from './queries.ts';
import { SignInPage } from './sign-in-page.tsx';

export interface SignInRoutesOptions extends CheckPasswordDeps {
  kit: InteractionKit;
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
  const { db, now, kit } = options;

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    details: InteractionDetails,
    flowToken: string,
    extra: { username?: string; failed?: boolean },
  ) => {
    kit.allowClientRedirect(request, reply, details);
    const page = (
      <SignInPage
        {...pageBase(request)}
        action={`/interaction/${details.uid}/login`}
        csrf={kit.csrf(flowToken)}
        clientName={await kit.clientName(details)}
        {...extra}
      />
    );
    return sendPage(reply, page, extra.failed ? 401 : 200);
  };

  app.get<{ Params: Static<typeof InteractionParams> }>(
    '/interaction/:uid',
    { schema: { params: InteractionParams } },
    async (request, reply) => {
      const details = await kit.interaction(request, reply);
      const current = await kit.currentFlow(request, details.uid);
      if (current !== undefined) {
        const { flow, token } = current;
        const { standing, demands, next: step } = await kit.locate(details, flow);
        // Where the flow is now, as the account stands now (G-40): each step's page sends
        // only here, and this page never sends back to a step that is not next (no loop).
        if (step === 'refused') return kit.refuse(reply, details.uid);
        if (step === 'done') return kit.finish(request, reply, flow, standing, demands);
        if (step !== 'password')
          return reply.redirect(`/interaction/${details.uid}${stepPaths[step]}`, 303);
        return render(request, reply, details, token, {});
      }
      const flowToken = randomBytes(32).toString('base64url');
      await startFlow(db, details.uid, flowToken, now(), flowTtlSeconds);
      const cookie = kit.flowCookie(details.uid);
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
      const result = await checkPassword(options, {
        identifier: username,
        password,
        ip: request.ip,
      });
      await kit.audit(request, {
        type: result.ok ? 'sign_in.succeeded' : 'sign_in.failed',
        accountId: result.ok ? result.account.id : result.accountId,
        clientId: String(context.details.params.client_id),
        reason: result.ok ? 'password' : result.reason,
      });
      options.metrics.signIns.inc({ result: result.ok ? 'success' : 'failure' });
      // G-11: unknown account, wrong password, locked or throttled: one status, one message.
      if (!result.ok)
        return render(request, reply, context.details, context.token, { username, failed: true });
      // What comes next is read from the account's standing (the guide's triggers) by the kit.
      return kit.completeStep(request, reply, context, {
        step: 'password',
        amr: ['pwd'],
        accountId: result.account.id,
        // Counts only if this is still the account's password when the step is recorded (G-41).
        verifiedPasswordHash: result.verifiedPasswordHash,
      });
    },
  );
}

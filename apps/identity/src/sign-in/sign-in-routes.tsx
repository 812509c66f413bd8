/**
 * The interaction UI: oidc-provider sends the browser to /interaction/:uid; this page shows the
 * step the flow is at (password here; enrollment and verification have their own routes) and the
 * password step itself. Handlers orchestrate; the checks live in check-password.ts and flow.ts.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type Static, Type } from 'typebox';
import type { Database } from '../db/database.ts';
import { registerPath } from '../lifecycle/registration-routes.tsx';
import {
  awaitsEmailVerification,
  readSelfRegistration,
} from '../lifecycle/self-registration-setting.ts';
import type { InteractionDetails, InteractionHost } from '../oidc/interaction-host.ts';
import type { Metrics } from '../ops/metrics.ts';
import { readAccountStanding } from '../policy/mfa-policy.ts';
import { mayUseRememberedBrowser } from '../remember-browser/may-use-remembered-browser.ts';
import { useRememberedBrowser } from '../remember-browser/queries.ts';
import { readRememberDays } from '../remember-browser/remember-setting.ts';
import { readRememberedBrowserToken } from '../remember-browser/remembered-browser-cookie.ts';
import type { CookiePolicy } from '../security/cookies.ts';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { type CheckPasswordDeps, checkPassword } from './check-password.ts';
import type { SignInOffers } from './first-factor-routes.ts';
import { InteractionParams } from './interaction-params.ts';
import { startFlow } from './queries.ts';
import { SignInPage } from './sign-in-page.tsx';
import {
  type AdvancedStep,
  type FlowContext,
  flowTtlSeconds,
  type PassedStepInput,
  type StepKit,
} from './step-kit.ts';

/** The second factor skipped by a remembered browser: the step to complete, from where. */
interface RememberedSkip {
  context: Pick<FlowContext, 'hosted' | 'flow' | 'token'>;
  input: PassedStepInput;
  advanced: AdvancedStep;
}

export interface SignInRoutesOptions extends CheckPasswordDeps {
  kit: StepKit;
  interactions: InteractionHost;
  cookies: CookiePolicy;
  metrics: Metrics;
  /** The other ways in that the methods offer on this page (a passkey): first-factor-routes.ts. */
  offers?: SignInOffers;
  /** Mail a self-registered account, not verified yet, a new link (lifecycle/). */
  sendVerificationLink?: (accountId: string) => Promise<unknown>;
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
    extra: { username?: string; failed?: boolean; notice?: MessageKey },
  ) => {
    const clientId = String(details.params.client_id);
    // « Créer un compte », while the organization allows it (lifecycle/).
    const registerHref = (await readSelfRegistration(db))
      ? `${registerPath}?client=${encodeURIComponent(clientId)}`
      : undefined;
    kit.allowFormTargets(request, reply, interactions.hosted(details));
    const base = `/interaction/${details.uid}`;
    const page = (
      <SignInPage
        {...pageBase(request)}
        action={`${base}/login`}
        csrf={kit.csrf(flowToken)}
        clientName={await interactions.clientName(details)}
        forgotHref={`/password/forgot?client=${encodeURIComponent(clientId)}`}
        registerHref={registerHref}
        offers={(await options.offers?.({ id: details.uid, base }, request.page.t)) ?? []}
        {...extra}
      />
    );
    return sendPage(reply, page, extra.failed ? 401 : extra.notice ? 403 : 200);
  };

  /** This browser's remembered-browser token, when it may stand for this flow's second factor. */
  async function rememberedBrowserOf(request: FastifyRequest, context: FlowContext) {
    const token = readRememberedBrowserToken(request, options.cookies);
    if (token === undefined) return undefined;
    const rememberDays = await readRememberDays(db);
    const host = kit.host.kind;
    const allowed = mayUseRememberedBrowser({ rememberDays, host, demands: context.demands });
    return allowed ? token : undefined;
  }

  /**
   * In the password's transaction: if the token is this account's, unrevoked and unexpired, and
   * the account has a method to ask, record the second factor as passed by the remembered browser
   * — proving no method (no amr), so the sign-in's acr stays one factor (docs/security.md).
   */
  async function skipByRememberedBrowser(
    request: FastifyRequest,
    trx: Kysely<Database>,
    context: FlowContext,
    afterPassword: AdvancedStep,
    input: { accountId: string; token: string },
  ): Promise<RememberedSkip | undefined> {
    const { accountId } = input;
    const standing = await readAccountStanding(trx, accountId);
    if (standing === undefined || standing.activeMethods.length === 0) return undefined;
    const id = await useRememberedBrowser(trx, { ...input, nowMs: now() });
    if (id === undefined) return undefined;
    const flow = {
      ...context.flow,
      accountId,
      stepsDone: [...context.flow.stepsDone, afterPassword.step],
    };
    const at = { hosted: context.hosted, flow, token: afterPassword.newToken };
    const step = { step: 'mfa' as const, amr: [], accountId, by: 'remembered_browser' as const };
    const advanced = await kit.advance(trx, at, step);
    const event = { type: 'sign_in.remembered_browser' as const, accountId, reason: id };
    await kit.audit(request, { ...event, clientId: context.hosted.clientId }, trx);
    return { context: at, input: step, advanced };
  }

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
      // A browser this account chose to remember, where it may stand for the second factor.
      const remembering = await rememberedBrowserOf(request, context);
      let skipped: RememberedSkip | undefined;
      // A self-registered account whose address is not verified yet completes no sign-in.
      let unverified: string | undefined;
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
          if (awaitsEmailVerification(account)) {
            unverified = accountId;
            return;
          }
          await kit.audit(
            request,
            { type: 'sign_in.succeeded', accountId, clientId, reason: 'password' },
            trx,
          );
          advanced = await kit.advance(trx, context, passed(accountId, verifiedPasswordHash));
          if (remembering !== undefined && advanced.advanced)
            skipped = await skipByRememberedBrowser(request, trx, context, advanced, {
              accountId,
              token: remembering,
            });
        },
      });
      if (!result.ok)
        await kit.audit(request, {
          type: 'sign_in.failed',
          accountId: result.accountId,
          clientId,
          reason: result.reason,
        });
      if (unverified !== undefined) {
        const event = { type: 'sign_in.failed' as const, accountId: unverified, clientId };
        await kit.audit(request, { ...event, reason: 'email_unverified' });
        await options.sendVerificationLink?.(unverified);
        options.metrics.signIns.inc({ result: 'failure' });
        const details = await interactions.interaction(request, reply);
        return render(request, reply, details, context.token, {
          username,
          notice: 'register.verifyFirst',
        });
      }
      options.metrics.signIns.inc({ result: result.ok ? 'success' : 'failure' });
      // G-11: unknown account, wrong password, locked or throttled: one status, one message.
      if (!result.ok) {
        const details = await interactions.interaction(request, reply);
        return render(request, reply, details, context.token, { username, failed: true });
      }
      // The second factor skipped: what comes next is read after that step (the kit's plan).
      if (skipped !== undefined)
        return kit.completeStep(request, reply, skipped.context, skipped.input, skipped.advanced);
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

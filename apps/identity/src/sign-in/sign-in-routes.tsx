/**
 * The interaction UI: oidc-provider sends the browser to /interaction/:uid; these routes run the
 * sign-in flow's steps and hand oidc-provider only the result (`{ accountId, amr, acr }`), once
 * every step is done (G-22). Handlers orchestrate; the checks live in check-password.ts and flow.ts.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { type Static, Type } from 'typebox';
import { type AuditEvent, recordAuditEvent } from '../audit/record-audit-event.ts';
import { AppError } from '../errors.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { CookiePolicy } from '../security/cookies.ts';
import { csrfToken, isCsrfSafe } from '../security/csrf.ts';
import { allowFormActions } from '../security/security-headers.ts';
import { preferLocales } from '../ui/page-context.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { type CheckPasswordDeps, checkPassword } from './check-password.ts';
import { flowResult, nextStep } from './flow.ts';
import { advanceFlow, deleteFlow, type FlowRow, findFlow, startFlow } from './queries.ts';
import { SignInPage } from './sign-in-page.tsx';

export interface SignInRoutesOptions extends CheckPasswordDeps {
  provider: Provider;
  csrfKey: Buffer;
  publicOrigin: string;
  cookies: CookiePolicy;
  metrics: Metrics;
}

const Params = Type.Object({ uid: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) });
const LoginBody = Type.Object({
  // Optional here so that a missing token is refused as CSRF (403), like a wrong one (G-29).
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  username: Type.String({ maxLength: 320 }),
  password: Type.String({ maxLength: 1024 }),
});

const flowTtlSeconds = 3600;

export async function signInRoutes(
  app: FastifyInstance,
  options: SignInRoutesOptions,
): Promise<void> {
  const { provider, db, now } = options;
  const flowCookie = options.cookies.name('sesame-flow');

  const interaction = async (request: FastifyRequest<{ Params: { uid: string } }>, reply: FastifyReply) => {
    let details: Awaited<ReturnType<typeof provider.interactionDetails>>;
    try {
      details = await provider.interactionDetails(request.raw, reply.raw);
    } catch (error) {
      // Missing or expired interaction cookie: the browser must start again from the application.
      throw new AppError('sign_in.flow_expired', { cause: error });
    }
    // G-22: the page and form of one interaction act on that interaction only, never on another
    // one whose cookie this browser happens to hold.
    if (details.uid !== request.params.uid) throw new AppError('sign_in.flow_expired');
    return details;
  };

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    details: Awaited<ReturnType<typeof interaction>>,
    flowToken: string,
    extra: { username?: string; failed?: boolean },
  ) => {
    preferLocales(request, details.params.ui_locales as string | undefined);
    const client = await provider.Client.find(String(details.params.client_id));
    const redirectUri = String(details.params.redirect_uri ?? '');
    allowFormActions(
      reply,
      request.cspNonce,
      URL.canParse(redirectUri) ? [new URL(redirectUri).origin] : [],
    );
    const page = (
      <SignInPage
        {...pageBase(request)}
        action={`/interaction/${details.uid}/login`}
        csrf={csrfToken(options.csrfKey, flowToken)}
        clientName={client?.clientName ?? String(details.params.client_id)}
        {...extra}
      />
    );
    return sendPage(reply, page, extra.failed ? 401 : 200);
  };

  app.get<{ Params: Static<typeof Params> }>(
    '/interaction/:uid',
    { schema: { params: Params } },
    async (request, reply) => {
      const details = await interaction(request, reply);
      const existing = await findFlow(db, details.uid, request.cookies[flowCookie], now());
      const flowToken = existing
        ? (request.cookies[flowCookie] as string)
        : randomBytes(32).toString('base64url');
      if (!existing) {
        await startFlow(db, details.uid, flowToken, now(), flowTtlSeconds);
        reply.setCookie(flowCookie, flowToken, options.cookies.options(flowTtlSeconds));
      }
      return render(request, reply, details, flowToken, {});
    },
  );

  app.post<{ Params: Static<typeof Params>; Body: Static<typeof LoginBody> }>(
    '/interaction/:uid/login',
    { schema: { params: Params, body: LoginBody } },
    async (request, reply) => {
      const details = await interaction(request, reply);
      const token = request.cookies[flowCookie];
      const flow = await findFlow(db, details.uid, token, now());
      if (flow === undefined || token === undefined) throw new AppError('sign_in.flow_expired');
      const csrfOptions = {
        key: options.csrfKey,
        binding: token,
        publicOrigin: options.publicOrigin,
        token: request.body.csrf,
      };
      if (!isCsrfSafe(request, csrfOptions)) throw new AppError('request.csrf');
      if (nextStep(flow) !== 'password') throw new AppError('sign_in.flow_expired');

      const { username, password } = request.body;
      const result = await checkPassword(options, {
        identifier: username,
        password,
        ip: request.ip,
      });
      const clientId = String(details.params.client_id);
      await audit(request, {
        type: result.ok ? 'sign_in.succeeded' : 'sign_in.failed',
        accountId: result.ok ? result.account.id : result.accountId,
        clientId,
        reason: result.ok ? 'password' : result.reason,
      });
      options.metrics.signIns.inc({ result: result.ok ? 'success' : result.reason });
      // G-11: unknown account, wrong password, locked or throttled: one status, one message.
      if (!result.ok) return render(request, reply, details, token, { username, failed: true });

      return finishStep(request, reply, flow, token, result.account.id);
    },
  );

  /** Rotate the flow token (G-25), then either show the next step or finish the interaction. */
  async function finishStep(
    request: FastifyRequest,
    reply: FastifyReply,
    flow: FlowRow,
    token: string,
    accountId: string,
  ) {
    const newToken = randomBytes(32).toString('base64url');
    if (!(await advanceFlow(db, flow, token, { accountId, step: 'password', newToken }))) {
      throw new AppError('sign_in.flow_expired');
    }
    const state = { accountId, stepsDone: [...flow.stepsDone, 'password' as const] };
    if (nextStep(state) !== 'done') {
      reply.setCookie(flowCookie, newToken, options.cookies.options(flowTtlSeconds));
      return reply.redirect(`/interaction/${flow.id}`, 303);
    }
    const { amr, acr } = flowResult(state);
    await deleteFlow(db, flow.id);
    reply.clearCookie(flowCookie, options.cookies.options());
    const redirectTo = await provider.interactionResult(
      request.raw,
      reply.raw,
      { login: { accountId, amr, acr, remember: true } },
      { mergeWithLastSubmission: false },
    );
    return reply.redirect(redirectTo, 303);
  }

  async function audit(request: FastifyRequest, event: AuditEvent) {
    const fields = {
      ...event,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      requestId: request.id,
    };
    request.log.info({ audit: { ...fields, userAgent: undefined } }, event.type);
    await recordAuditEvent(db, fields, now());
  }
}

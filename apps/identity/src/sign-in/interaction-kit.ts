/**
 * What every page of a sign-in (password, enrollment, verification) needs from the interaction:
 * oidc-provider's interaction for this request, this browser's flow at the expected step (flow
 * cookie, CSRF), and the hand-over to the next step — rotating the flow cookie each time (G-25) —
 * or to oidc-provider once the plan is done (G-22).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type Provider from 'oidc-provider';
import { type AuditEvent, recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { isSessionNotFound } from '../oidc/session-not-found.ts';
import type { CookiePolicy } from '../security/cookies.ts';
import { csrfToken, isCsrfSafe } from '../security/csrf.ts';
import { allowFormActions } from '../security/security-headers.ts';
import { preferLocales } from '../ui/page-context.ts';
import { flowResult, nextStep, type PassedStep, type SignInStep } from './flow.ts';
import { advanceFlow, deleteFlow, type FlowRow, findFlow } from './queries.ts';

export type InteractionDetails = Awaited<ReturnType<Provider['interactionDetails']>>;

export interface FlowContext {
  details: InteractionDetails;
  flow: FlowRow;
  /** The flow cookie's value (the CSRF binding). */
  token: string;
  /** Set once the password step is passed. */
  accountId: string;
}

export interface InteractionKitOptions {
  provider: Provider;
  db: Kysely<Database>;
  now: () => number;
  cookies: CookiePolicy;
  csrfKey: Buffer;
  publicOrigin: string;
}

export const flowTtlSeconds = 3600;

export function createInteractionKit(options: InteractionKitOptions) {
  const { provider, db, now } = options;
  const flowCookie = options.cookies.name('sesame-flow');

  async function interaction(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<InteractionDetails> {
    let details: InteractionDetails;
    try {
      details = await provider.interactionDetails(request.raw, reply.raw);
    } catch (error) {
      // Missing or expired interaction cookie: the browser must start again from the application.
      // Anything else (storage down) is an internal error, not a refusal (G-38).
      if (!isSessionNotFound(error)) throw error;
      throw new AppError('sign_in.flow_expired', { cause: error });
    }
    // G-22: the page and form of one interaction act on that interaction only, never on another
    // one whose cookie this browser happens to hold.
    const { uid } = request.params as { uid?: string };
    if (details.uid !== uid) throw new AppError('sign_in.flow_expired');
    // The client's language preference, unless the user chose one.
    preferLocales(request, details.params.ui_locales as string | undefined);
    return details;
  }

  /** This browser's flow for this interaction, at `step`; a POST must also carry its CSRF token. */
  async function flowAt(
    request: FastifyRequest,
    reply: FastifyReply,
    step: SignInStep,
    csrf?: { token: unknown },
  ): Promise<FlowContext> {
    const details = await interaction(request, reply);
    const token = request.cookies[flowCookie];
    const flow = await findFlow(db, details.uid, token, now());
    if (flow === undefined || token === undefined) throw new AppError('sign_in.flow_expired');
    if (csrf !== undefined) {
      const safe = isCsrfSafe(request, {
        key: options.csrfKey,
        binding: token,
        publicOrigin: options.publicOrigin,
        token: csrf.token,
      });
      if (!safe) throw new AppError('request.csrf');
    }
    // A page of another step (back button, an old tab): the flow decides where the user is.
    if (nextStep(flow) !== step) throw new AppError('sign_in.flow_expired');
    if (step !== 'password' && flow.accountId === null) throw new AppError('sign_in.flow_expired');
    return { details, flow, token, accountId: flow.accountId ?? '' };
  }

  /** Record a passed step with a new flow cookie, then go to the next step or to the client. */
  async function completeStep(
    request: FastifyRequest,
    reply: FastifyReply,
    context: Omit<FlowContext, 'accountId'>,
    passed: PassedStep & { accountId: string; plan?: SignInStep[] },
  ): Promise<FastifyReply> {
    const { flow, token } = context;
    const newToken = randomBytes(32).toString('base64url');
    const plan = passed.plan ?? flow.plan;
    const step = { step: passed.step, amr: passed.amr };
    // Guarded by the old token: of two parallel submissions, one advances the flow.
    if (
      !(await advanceFlow(db, flow, token, {
        accountId: passed.accountId,
        passed: step,
        plan,
        newToken,
      }))
    ) {
      throw new AppError('sign_in.flow_expired');
    }
    const state = { accountId: passed.accountId, plan, stepsDone: [...flow.stepsDone, step] };
    if (nextStep(state) !== 'done') {
      reply.setCookie(flowCookie, newToken, options.cookies.options(flowTtlSeconds));
      return reply.redirect(`/interaction/${flow.id}`, 303);
    }
    const { accountId, amr, acr } = flowResult(state);
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

  /** Pages whose form ends in a redirect to the client: allow its origin in form-action. */
  function allowClientRedirect(
    request: FastifyRequest,
    reply: FastifyReply,
    details: InteractionDetails,
  ): void {
    const redirectUri = String(details.params.redirect_uri ?? '');
    allowFormActions(
      reply,
      request.cspNonce,
      URL.canParse(redirectUri) ? [new URL(redirectUri).origin] : [],
    );
  }

  async function audit(request: FastifyRequest, event: AuditEvent): Promise<void> {
    const fields = {
      ...event,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      requestId: request.id,
    };
    request.log.info({ audit: { ...fields, userAgent: undefined } }, event.type);
    await recordAuditEvent(db, fields, now());
  }

  return {
    flowCookie,
    interaction,
    flowAt,
    completeStep,
    allowClientRedirect,
    audit,
    csrf: (flowToken: string) => csrfToken(options.csrfKey, flowToken),
    clientName: async (details: InteractionDetails) => {
      const client = await provider.Client.find(String(details.params.client_id));
      return client?.clientName ?? String(details.params.client_id);
    },
  };
}

export type InteractionKit = ReturnType<typeof createInteractionKit>;

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
import type { ClientConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { isSessionNotFound } from '../oidc/session-not-found.ts';
import { type AccountStandingWithRecords, readAccountStanding } from '../policy/mfa-policy.ts';
import type { CookiePolicy } from '../security/cookies.ts';
import { csrfToken, isCsrfSafe } from '../security/csrf.ts';
import { allowFormActions } from '../security/security-headers.ts';
import { preferLocales } from '../ui/page-context.ts';
import {
  type AccountStanding,
  acrValues,
  flowResult,
  nextStep,
  type PassedStep,
  type SignInDemands,
  type SignInStep,
} from './flow.ts';
import { advanceFlow, deleteFlow, type FlowRow, findFlow } from './queries.ts';
import { StepMoved } from './step-moved.ts';

export type InteractionDetails = Awaited<ReturnType<Provider['interactionDetails']>>;

export interface FlowContext {
  details: InteractionDetails;
  flow: FlowRow;
  /** The flow cookie's value (the CSRF binding). */
  token: string;
  /** Set once the password step is passed. */
  accountId: string;
  /** The account as it stands now (read at this step); undefined before the password. */
  standing: AccountStandingWithRecords | undefined;
  demands: SignInDemands;
}

/** Where each step's page lives, under /interaction/:uid. */
export const stepPaths = { password: '', enroll: '/enroll', mfa: '/verify' } as const;

/** What the application asked of this sign-in (OIDC `acr_values`). */
export function demandsOf(details: InteractionDetails): SignInDemands {
  const asked = String(details.params.acr_values ?? '').split(' ');
  return { twoFactors: asked.includes(acrValues.twoFactors) };
}

export interface InteractionKitOptions {
  provider: Provider;
  db: Kysely<Database>;
  now: () => number;
  cookies: CookiePolicy;
  csrfKey: Buffer;
  publicOrigin: string;
  /** The applications, for the « start again » button of an expired page. */
  clients: readonly Pick<ClientConfig, 'clientId' | 'initiateLoginUri'>[];
}

export const flowTtlSeconds = 3600;

export function createInteractionKit(options: InteractionKitOptions) {
  const { provider, db, now } = options;
  // One cookie per interaction, sent only to that sign-in's pages: a sign-in started in another
  // tab never replaces it (G-45), and abandoned ones never swell other requests' headers.
  const flowCookie = (uid: string) => options.cookies.scoped('sesame-flow', `/interaction/${uid}`);

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
      throw expired(undefined, error);
    }
    // G-22: the page and form of one interaction act on that interaction only, never on another
    // one whose cookie this browser happens to hold.
    const { uid } = request.params as { uid?: string };
    if (details.uid !== uid) throw expired(undefined);
    // The client's language preference, unless the user chose one.
    preferLocales(request, details.params.ui_locales as string | undefined);
    return details;
  }

  /** This browser's flow for this interaction (undefined if it has none or it has expired). */
  async function currentFlow(request: FastifyRequest, uid: string) {
    const token = request.cookies[flowCookie(uid).name];
    const flow = await findFlow(db, uid, token, now());
    return flow === undefined || token === undefined ? undefined : { flow, token };
  }

  /**
   * This browser's flow for this interaction, at `step` as the account stands now; a POST must
   * also carry its CSRF token. A flow that has moved on (or back) is sent where it now is.
   */
  async function flowAt(
    request: FastifyRequest,
    reply: FastifyReply,
    step: SignInStep,
    csrf?: { token: unknown },
  ): Promise<FlowContext> {
    const details = await interaction(request, reply);
    const current = await currentFlow(request, details.uid);
    if (current === undefined) throw expired(details);
    const { flow, token } = current;
    if (csrf !== undefined) {
      const safe = isCsrfSafe(request, {
        key: options.csrfKey,
        binding: token,
        publicOrigin: options.publicOrigin,
        token: csrf.token,
      });
      if (!safe) throw new AppError('request.csrf');
    }
    const { standing, demands, next } = await locate(details, flow);
    if (next === 'refused') return refuse(reply, details.uid);
    // A page of another step (back button, an old tab, or the account changed meanwhile).
    if (next !== step) throw new StepMoved(`/interaction/${details.uid}`);
    return { details, flow, token, accountId: flow.accountId ?? '', standing, demands };
  }

  /** Where a flow is, as the account stands now and as the application asked (G-40). */
  async function locate(details: InteractionDetails, flow: FlowRow) {
    const standing =
      flow.accountId === null ? undefined : await readAccountStanding(db, flow.accountId);
    const demands = demandsOf(details);
    return { standing, demands, next: nextStep(flow, standing, demands) };
  }

  /** G-41: the account was locked or removed during this sign-in; the flow ends here. */
  async function refuse(reply: FastifyReply, uid: string): Promise<never> {
    await deleteFlow(db, uid);
    reply.clearCookie(flowCookie(uid).name, flowCookie(uid).options());
    throw expired(undefined);
  }

  /**
   * The page has really expired: say so, with a button to start again at the application (its
   * `initiate_login_uri`; the only application when the interaction itself is gone).
   */
  function expired(details: InteractionDetails | undefined, cause?: unknown): AppError {
    const clientId = details === undefined ? undefined : String(details.params.client_id);
    const client =
      options.clients.find((c) => c.clientId === clientId) ??
      (options.clients.length === 1 ? options.clients[0] : undefined);
    return new AppError('sign_in.flow_expired', { cause, restartUrl: client?.initiateLoginUri });
  }

  /** Record a passed step with a new flow cookie, then go to the next step or to the client. */
  async function completeStep(
    request: FastifyRequest,
    reply: FastifyReply,
    context: Pick<FlowContext, 'flow' | 'token' | 'demands'> & {
      standing?: AccountStandingWithRecords;
    },
    passed: PassedStep & { accountId: string; verifiedPasswordHash?: string },
  ): Promise<FastifyReply> {
    const { flow, token } = context;
    const newToken = randomBytes(32).toString('base64url');
    const step = { step: passed.step, amr: passed.amr };
    // Guarded by the old token: of two parallel submissions, one advances the flow; a flow ended
    // meanwhile (lock, new password, MFA reset: G-41) advances no more.
    if (
      !(await advanceFlow(db, flow, token, {
        accountId: passed.accountId,
        passed: step,
        newToken,
        verifiedPasswordHash: passed.verifiedPasswordHash,
      }))
    )
      throw expired(undefined);
    const state = { ...flow, accountId: passed.accountId, stepsDone: [...flow.stepsDone, step] };
    // The plan is read again from the account as it stands after this step (G-40). A passed
    // second factor changes nothing of the account that this step's own read did not see, and
    // its UPDATE above refused a lock made since: that read stands.
    const standing =
      passed.step === 'mfa' && context.standing !== undefined
        ? context.standing
        : await readAccountStanding(db, passed.accountId);
    const next = nextStep(state, standing, context.demands);
    if (next === 'refused') return refuse(reply, flow.id);
    if (next !== 'done') {
      reply.setCookie(
        flowCookie(flow.id).name,
        newToken,
        flowCookie(flow.id).options(flowTtlSeconds),
      );
      return reply.redirect(`/interaction/${flow.id}${stepPaths[next]}`, 303);
    }
    return finish(request, reply, state, standing, context.demands);
  }

  /** Nothing is left: hand the account and what this flow proved to oidc-provider (G-22). */
  async function finish(
    request: FastifyRequest,
    reply: FastifyReply,
    flow: FlowRow,
    standing: AccountStanding | undefined,
    demands: SignInDemands,
  ): Promise<FastifyReply> {
    const { accountId, amr, acr } = flowResult(flow, standing, demands);
    // Ended meanwhile by an account operation (lock, new password, MFA reset): not completed.
    if (!(await deleteFlow(db, flow.id))) throw expired(undefined);
    reply.clearCookie(flowCookie(flow.id).name, flowCookie(flow.id).options());
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
    currentFlow,
    locate,
    flowAt,
    finish,
    refuse,
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

/**
 * What every step's page (password, enrollment, verification, each method's pages) needs,
 * whichever host runs the flow (ADR 0005): this browser's flow at the expected step (flow cookie,
 * CSRF), the account as it stands now, and the hand-over to the next step — rotating the flow
 * cookie each time (G-25) — or to the host once nothing is left (G-22).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type AuditEvent, recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { VerificationContext } from '../factors/factor.ts';
import { type AccountStandingWithRecords, readAccountStanding } from '../policy/mfa-policy.ts';
import type { CookiePolicy } from '../security/cookies.ts';
import { csrfToken, isCsrfSafe } from '../security/csrf.ts';
import { allowFormActions } from '../security/security-headers.ts';
import {
  type AccountStanding,
  flowResult,
  nextStep,
  type PassedStep,
  type SignInDemands,
  type SignInStep,
} from './flow.ts';
import { advanceFlow, deleteFlow, type FlowRow, findFlow } from './queries.ts';
import type { HostedFlow, StepHost } from './step-host.ts';
import { StepMoved } from './step-moved.ts';

export interface FlowContext {
  hosted: HostedFlow;
  /** Where this flow's pages live (`/interaction/<uid>`, `/account/step-up/<id>`). */
  base: string;
  flow: FlowRow;
  /** The flow cookie's value (the CSRF binding). */
  token: string;
  /** Set once the password step is passed. */
  accountId: string;
  /** The account as it stands now (read at this step); undefined before the password. */
  standing: AccountStandingWithRecords | undefined;
  demands: SignInDemands;
}

/** Where each step's page lives, under the flow's base. */
export const stepPaths = { password: '', enroll: '/enroll', mfa: '/verify' } as const;

export interface StepKitOptions {
  host: StepHost;
  db: Kysely<Database>;
  now: () => number;
  cookies: CookiePolicy;
  csrfKey: Buffer;
  publicOrigin: string;
}

export const flowTtlSeconds = 3600;

/** A step passed, as its page reports it. */
export type PassedStepInput = Omit<PassedStep, 'at'> & {
  accountId: string;
  verifiedPasswordHash?: string;
  /** When what the step proves was proved, if before now (a code typed earlier). */
  at?: number;
};

/**
 * A verification context (factors/factor.ts) that may carry what the second-factor step records
 * of a success — its audit event, the flow's advance — for a method that consumes its success in
 * a transaction to write it there too, with the amr it proved. A step that passes it learns
 * whether it ran; a method that does not call it leaves those writes to the step.
 */
export interface RecordingContext extends VerificationContext {
  recordSuccess?: (trx: Kysely<Database>, amr: readonly string[]) => Promise<void>;
}

/** A step recorded (or not: the flow had moved on or ended), with the flow's new token. */
export interface AdvancedStep {
  advanced: boolean;
  newToken: string;
  step: PassedStep;
}

export function createStepKit(options: StepKitOptions) {
  const { host, db, now } = options;
  // One cookie per flow, sent only to that flow's pages: a sign-in started in another tab never
  // replaces it (G-45), and abandoned ones never swell other requests' headers.
  const flowCookie = (base: string) => options.cookies.scoped('sesame-flow', base);

  /** This browser's flow for the host's flow (undefined if it has none or it has expired). */
  async function currentFlow(request: FastifyRequest, hosted: HostedFlow) {
    const token = request.cookies[flowCookie(hosted.base).name];
    const flow = await findFlow(db, { id: hosted.id, host: host.kind }, token, now());
    if (flow === undefined || token === undefined) return undefined;
    // A step-up belongs to the account signed in to this browser, and to no other.
    if (hosted.accountId !== undefined && flow.accountId !== hosted.accountId) return undefined;
    return { flow, token };
  }

  /**
   * This browser's flow, at `step` as the account stands now; a POST must also carry its CSRF
   * token. A flow that has moved on (or back) is sent where it now is.
   */
  async function flowAt(
    request: FastifyRequest,
    reply: FastifyReply,
    step: SignInStep,
    csrf?: { token: unknown },
  ): Promise<FlowContext> {
    const hosted = await host.open(request, reply);
    const current = await currentFlow(request, hosted);
    if (current === undefined) throw expired(hosted);
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
    const { standing, next } = await locate(hosted, flow);
    if (next === 'refused') return refuse(reply, hosted);
    // A page of another step (back button, an old tab, or the account changed meanwhile).
    if (next !== step) throw new StepMoved(hosted.base);
    const { demands, base } = hosted;
    return { hosted, base, flow, token, accountId: flow.accountId ?? '', standing, demands };
  }

  /** Where a flow is, as the account stands now and as the host asked (G-40). */
  async function locate(hosted: HostedFlow, flow: FlowRow) {
    const standing =
      flow.accountId === null ? undefined : await readAccountStanding(db, flow.accountId, now());
    return { standing, next: nextStep(flow, standing, hosted.demands) };
  }

  /**
   * The flow's own page (its base): send the browser to the step it is at, or finish. Returns
   * undefined at the password step, which only the host's own page shows.
   */
  async function resume(
    request: FastifyRequest,
    reply: FastifyReply,
    hosted: HostedFlow,
    flow: FlowRow,
  ): Promise<FastifyReply | undefined> {
    const { standing, next } = await locate(hosted, flow);
    // Each step's page sends only here, and this never sends back to a step that is not next.
    if (next === 'refused') return refuse(reply, hosted);
    if (next === 'done') return finish(request, reply, hosted, flow, standing);
    if (next === 'password') return undefined;
    return reply.redirect(`${hosted.base}${stepPaths[next]}`, 303);
  }

  /** G-41: the account was locked or removed during this flow; it ends here. */
  async function refuse(reply: FastifyReply, hosted: HostedFlow): Promise<never> {
    await deleteFlow(db, hosted.id);
    reply.clearCookie(flowCookie(hosted.base).name, flowCookie(hosted.base).options());
    throw expired(undefined);
  }

  /** The page has really expired: say so, with a button to start again where the flow began. */
  function expired(hosted: HostedFlow | undefined, cause?: unknown): AppError {
    const restartUrl = hosted === undefined ? host.restartUrl : hosted.restartUrl;
    return new AppError('sign_in.flow_expired', { cause, restartUrl });
  }

  /**
   * Record a passed step with a new flow token, guarded by the old token: of two parallel
   * submissions, one advances the flow; a flow ended meanwhile (lock, new password, MFA reset:
   * G-41) advances no more. In `trx`, the transaction that records the step's success (its code
   * consumed, its limits released, its audit event), or on its own.
   */
  async function advance(
    trx: Kysely<Database>,
    context: Pick<FlowContext, 'flow' | 'token'>,
    passed: PassedStepInput,
  ): Promise<AdvancedStep> {
    const newToken = randomBytes(32).toString('base64url');
    const step: PassedStep = { step: passed.step, amr: passed.amr, at: passed.at ?? now() };
    if (passed.by !== undefined) step.by = passed.by;
    if (passed.enrollAfter === true) step.enrollAfter = true;
    const advanced = await advanceFlow(trx, context.flow, context.token, {
      accountId: passed.accountId,
      passed: step,
      newToken,
      verifiedPasswordHash: passed.verifiedPasswordHash,
    });
    return { advanced, newToken, step };
  }

  /**
   * Record a passed step with a new flow cookie (unless `advanced` says it was recorded already,
   * by `advance` in the step's own transaction), then go to the next step or to the host.
   */
  async function completeStep(
    request: FastifyRequest,
    reply: FastifyReply,
    context: Pick<FlowContext, 'hosted' | 'flow' | 'token'> & {
      standing?: AccountStandingWithRecords;
    },
    passed: PassedStepInput,
    advanced?: AdvancedStep,
  ): Promise<FastifyReply> {
    const { hosted, flow } = context;
    const { advanced: moved, newToken, step } = advanced ?? (await advance(db, context, passed));
    if (!moved) throw expired(hosted);
    const state = { ...flow, accountId: passed.accountId, stepsDone: [...flow.stepsDone, step] };
    // The plan is read again from the account as it stands after this step (G-40). A passed
    // second factor changes nothing of the account that this step's own read did not see, and
    // its UPDATE above refused a lock made since: that read stands.
    const standing =
      passed.step === 'mfa' && context.standing !== undefined
        ? context.standing
        : await readAccountStanding(db, passed.accountId, now());
    const next = nextStep(state, standing, hosted.demands);
    if (next === 'refused') return refuse(reply, hosted);
    if (next !== 'done') {
      const cookie = flowCookie(hosted.base);
      reply.setCookie(cookie.name, newToken, cookie.options(flowTtlSeconds));
      return reply.redirect(`${hosted.base}${stepPaths[next]}`, 303);
    }
    return finish(request, reply, hosted, state, standing);
  }

  /** Nothing is left: hand the account and what this flow proved to the host (G-22). */
  async function finish(
    request: FastifyRequest,
    reply: FastifyReply,
    hosted: HostedFlow,
    flow: FlowRow,
    standing: AccountStanding | undefined,
  ): Promise<FastifyReply> {
    const result = flowResult(flow, standing, hosted.demands);
    const cookie = flowCookie(hosted.base);
    reply.clearCookie(cookie.name, cookie.options());
    const done = await host.finish(request, reply, hosted, flow, result);
    // Ended meanwhile by an account operation (lock, new password, MFA reset): not completed.
    if (done === false) throw expired(hosted);
    return done;
  }

  /** Pages whose form may end in a redirect elsewhere (the client): allow it in form-action. */
  function allowFormTargets(request: FastifyRequest, reply: FastifyReply, hosted: HostedFlow) {
    allowFormActions(reply, request.cspNonce, hosted.formTargets);
  }

  /** Log and record an audit event (in `trx`, the transaction of what it records, if given). */
  async function audit(
    request: FastifyRequest,
    event: AuditEvent,
    trx: Kysely<Database> = db,
  ): Promise<void> {
    const fields = {
      ...event,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      requestId: request.id,
    };
    request.log.info({ audit: { ...fields, userAgent: undefined } }, event.type);
    await recordAuditEvent(trx, fields, now());
  }

  return {
    host,
    /** Sesame's cookie attributes (a remembered browser's cookie is set by a step's page). */
    cookies: options.cookies,
    flowCookie,
    currentFlow,
    flowAt,
    resume,
    expired,
    advance,
    completeStep,
    allowFormTargets,
    audit,
    csrf: (flowToken: string) => csrfToken(options.csrfKey, flowToken),
  };
}

export type StepKit = ReturnType<typeof createStepKit>;

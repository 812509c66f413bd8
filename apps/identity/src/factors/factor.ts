/**
 * The one contract every MFA method implements (ADR 0004). A new method is a folder under
 * `factors/` with an object satisfying `Factor`, one line in `factors/index.ts`, one migration for
 * its own storage, and its messages — and nothing else names it: the choose page, the
 * configuration page, the second-factor step, the account page and the audit read the registry.
 *
 * A method declares what it proves (`amr`, and whether it counts toward "MFA required"), its
 * enrollment (its pages begin it; it completes by making an active authenticator that belongs to
 * the flow) and its verification (`begin` a challenge for this flow, `verify` an answer → the amr
 * proved, or a coded failure). The amr of a sign-in come only from what its verifications return.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import type { AuthenticatorTable, Database } from '../db/database.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { SettleCheck } from '../events/stream-until-settled.ts';
import type { AttemptLimiter } from '../security/attempt-limiter.ts';
import type { SecretBox } from '../security/secret-box.ts';
import type { StepKit } from '../sign-in/step-kit.ts';
import type { MessageKey, Translate } from '../ui/i18n/messages.ts';
import type { PushService } from './push/push-service.ts';

export interface FactorDeps {
  db: Kysely<Database>;
  box: SecretBox;
  events: EventBus;
  limiter: AttemptLimiter;
  now: () => number;
  /** Public base URL of the identity server (QR links, the organization address). */
  publicUrl: string;
  /** Web Push wake-ups for devices (push approval). */
  push: PushService;
  /** The steps' kit of the host these routes are registered for (ADR 0005). */
  kit: StepKit;
}

/** What every method's authenticators share (the slim record); the rest is the method's own. */
export type Authenticator = Selectable<AuthenticatorTable>;

/** Who is verifying, for which flow, with which of the account's authenticators. */
export interface VerificationContext {
  accountId: string;
  /** The sign-in flow (or step-up) this verification belongs to. */
  flowId: string;
  authenticator: Authenticator;
  /** The source address, for the per-address limits (G-39, G-46), and what a push shows. */
  ip: string;
  /** The browser's user agent, for what a push shows on the phone. */
  userAgent: string | null;
  /** The application signing in, for what a push shows (none for a step-up). */
  clientName: () => Promise<string | null>;
  /** The way chosen on the page among the method's `ways` (« Saisir un code à la place »). */
  way: string | undefined;
}

/** Another way to verify with the same authenticator, offered as a link on the page. */
export interface VerificationWay {
  way: string;
  label: string;
}

/**
 * What the second-factor page shows for a method: a code form; a button that starts a challenge
 * on another device (« Envoyer une notification push »); or the wait for that challenge — a number
 * to type on the device, and a stream that says when it is settled.
 */
export type VerificationPrompt = {
  /** The sentence above the form. */
  intro: string;
  /** The other ways, as links. */
  ways?: VerificationWay[];
  /** Why the last attempt failed, when it is the method's own message (denied, expired…). */
  notice?: string;
} & (
  | { form: 'code' }
  | { form: 'start'; label: string }
  | { form: 'wait'; challengeId: string; number: string; expiresAt: number }
);

/** An answer as the second-factor form posts it. */
export interface VerificationAnswer {
  code?: string;
  /** The challenge the page waited on (its settlement is the answer). */
  challengeId?: string;
}

/**
 * `pending`: the challenge waited on is not settled yet (nothing is counted); `mismatch`: the
 * answer given on the other device did not match (a wrong number); `denied`: the user said it was
 * not them.
 */
export type VerificationFailure =
  | 'invalid'
  | 'mismatch'
  | 'replayed'
  | 'throttled'
  | 'expired'
  | 'denied'
  | 'pending';

export type VerificationResult =
  | { ok: true; amr: readonly string[] }
  | { ok: false; reason: VerificationFailure };

/** A challenge started on another device, with the number the page shows (kept nowhere else). */
export interface WaitingChallenge {
  challengeId: string;
  number: string;
}

export type ChallengeStart =
  | ({ ok: true } & WaitingChallenge)
  | { ok: false; reason: 'throttled' | 'blocked' | 'unavailable'; retryAt?: number };

export interface FactorVerification {
  /** What the page shows; `waiting`: the challenge the page waits on, if it still does. */
  begin(
    deps: FactorDeps,
    context: VerificationContext,
    t: Translate,
    waiting?: WaitingChallenge,
  ): Promise<VerificationPrompt>;
  /** Start a challenge on another device (the page's `start` form). */
  start?(deps: FactorDeps, context: VerificationContext): Promise<ChallengeStart>;
  /** How the page's stream waits on one of its challenges (events/stream-until-settled.ts). */
  watch?(
    deps: FactorDeps,
    context: VerificationContext,
    challengeId: string,
  ): { channel: string; check: () => Promise<SettleCheck> };
  /** Check the answer under the method's failure limits; a success is consumed (single use). */
  verify(
    deps: FactorDeps,
    context: VerificationContext,
    answer: VerificationAnswer,
  ): Promise<VerificationResult>;
}

export interface Factor {
  /** The registry key, stored as `authenticators.kind`. */
  kind: string;
  /** URL segment of its enrollment pages: <flow base>/enroll/<slug>. */
  slug: string;
  title: MessageKey;
  description: MessageKey;
  /** RFC 8176 methods a verification with it proves (its 6-digit code: `otp`). */
  amr: readonly string[];
  /** Whether an active authenticator of this method satisfies "MFA required" (AAL2). */
  satisfiesMfa: boolean;
  /** Offered first at the second-factor step when lower (Sesame Verify before other apps). */
  preference: number;
  /** How one of its authenticators is named to its owner. */
  describe(t: Translate, authenticator: Authenticator): string;
  /**
   * Its enrollment pages, registered as `/enroll/<slug>…` under each host's flow base (an OIDC
   * interaction, a step-up): they build their links from the flow context's `base`.
   */
  enrollmentRoutes(app: FastifyInstance, deps: FactorDeps): Promise<void>;
  verification: FactorVerification;
}

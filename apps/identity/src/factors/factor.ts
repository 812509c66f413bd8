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
import type { AttemptLimiter } from '../security/attempt-limiter.ts';
import type { SecretBox } from '../security/secret-box.ts';
import type { StepKit } from '../sign-in/step-kit.ts';
import type { MessageKey, Translate } from '../ui/i18n/messages.ts';

export interface FactorDeps {
  db: Kysely<Database>;
  box: SecretBox;
  events: EventBus;
  limiter: AttemptLimiter;
  now: () => number;
  /** Public base URL of the identity server (QR links, the organization address). */
  publicUrl: string;
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
  /** The source address, for the per-address limits (G-39, G-46). */
  ip: string;
}

/** What the second-factor page shows for a method once its challenge has begun. */
export interface VerificationPrompt {
  /** A form with a one-time code field. */
  form: 'code';
  /** The sentence above the form (« Entrez le code à 6 chiffres de Sesame Verify… »). */
  intro: string;
}

/** An answer as the second-factor form posts it. */
export interface VerificationAnswer {
  code?: string;
}

export type VerificationFailure = 'invalid' | 'replayed' | 'throttled' | 'expired' | 'denied';

export type VerificationResult =
  | { ok: true; amr: readonly string[] }
  | { ok: false; reason: VerificationFailure };

export interface FactorVerification {
  begin(deps: FactorDeps, context: VerificationContext, t: Translate): Promise<VerificationPrompt>;
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

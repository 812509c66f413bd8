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
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import type { Argon2Params } from '../accounts/password-hasher.ts';
import type { AuthenticatorTable, Database } from '../db/database.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { SettleCheck } from '../events/stream-until-settled.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { AttemptLimiter } from '../security/attempt-limiter.ts';
import type { SecretBox } from '../security/secret-box.ts';
import type { StepKit } from '../sign-in/step-kit.ts';
import type { MessageKey, Translate } from '../ui/i18n/messages.ts';
import type { PushService } from './push/push-service.ts';
import type { SmsSender } from './sms-code/sms-sender.ts';

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
  /** The password hash's cost, for the methods whose secrets are hashed like passwords. */
  argon2: Argon2Params;
  /** Mail that leaves Sesame (SMTP, or the development outbox). */
  mailer: Mailer;
  /** Text messages, when a provider is configured (factors/sms-code/); none: SMS is not offered. */
  sms: SmsSender | undefined;
  /** The operator's log, for what failed on the way out (a code not delivered); never a secret. */
  warn?: (fields: Record<string, unknown>, what: string) => void;
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
  /** The page's translator: what a method sends (a code by mail) is in the page's language. */
  t?: Translate;
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
  /** What the owner should know before answering (few recovery codes left). */
  warning?: string;
} & (
  | {
      form: 'code';
      /** The label of a button that starts the challenge again (a new code sent). */
      resend?: string;
      field?: CodeField;
    }
  | { form: 'start'; label: string }
  | { form: 'wait'; challengeId: string; number: string; expiresAt: number }
  /**
   * A WebAuthn ceremony run by the browser (a passkey): its button, the options as JSON, and the
   * challenge the answer is for; the answer is posted as `assertion`.
   */
  | { form: 'webauthn'; label: string; options: string; challengeId: string }
);

/** A code field other than the 6 digits (letters and dashes, longer). */
export interface CodeField {
  label: string;
  /** The HTML pattern of what may be typed, and its longest length. */
  pattern: string;
  maxLength: number;
}

/** An answer as the second-factor form posts it. */
export interface VerificationAnswer {
  code?: string;
  /** The challenge the page waited on (its settlement is the answer). */
  challengeId?: string;
  /** A WebAuthn ceremony's answer from the browser (JSON), for the `webauthn` form. */
  assertion?: string;
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
  /** `notice`: what the owner should know once it passed (few recovery codes left). */
  | { ok: true; amr: readonly string[]; notice?: string }
  | { ok: false; reason: VerificationFailure };

/** A challenge started on another device, with the number the page shows (kept nowhere else). */
export interface WaitingChallenge {
  challengeId: string;
  number: string;
}

/** `undelivered`: started, but it could not reach its destination (a mail or SMS refused). */
export type ChallengeStartFailure = 'throttled' | 'blocked' | 'unavailable' | 'undelivered';

export type ChallengeStart =
  | ({ ok: true } & WaitingChallenge)
  | { ok: false; reason: ChallengeStartFailure; retryAt?: number };

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
  /**
   * The method's own messages for a start refused or an answer expired (placeholders `{minutes}`
   * and `{seconds}`: until `retryAt`); the step's own otherwise.
   */
  notices?: Partial<Record<ChallengeStartFailure | 'expired', MessageKey>>;
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
  /**
   * Whether an active authenticator of this method satisfies "MFA required" (AAL2). One that does
   * not (an email code) is offered at the second-factor step only to a sign-in that requires no
   * AAL2 (flow.ts `methodsToOffer`), is never offered as a first method, and what it proves does
   * not make a sign-in two-factor (`acr`).
   */
  satisfiesMfa: boolean;
  /** Whether the method can be used with this configuration (SMS: a provider); offered only then. */
  available?(deps: Pick<FactorDeps, 'sms'>): boolean;
  /** Offered first at the second-factor step when lower (Sesame Verify before other apps). */
  preference: number;
  /**
   * A backup method (recovery codes): never an enrollment of its own — not on the choose page,
   * not what ends an enrollment, not "MFA required" — but offered at the second-factor step
   * beside the account's methods that are, and at the end of an enrollment (step 9).
   */
  backup?: boolean;
  /**
   * Issued to the account by the help desk, never enrolled by its owner (a temporary access
   * code): not on the enrollment pages, nor on the security page's « Ajouter une méthode ».
   */
  issued?: boolean;
  /** A sign-in passed with it must enroll a method before it ends (a lost phone's replacement). */
  enrollAfter?: boolean;
  /** The second-factor page's link to it, when not « Utiliser <its description> ». */
  useLabel?: MessageKey;
  /** The enrollment section's button, when not « Choisir ». */
  chooseLabel?: MessageKey;
  /** Its own pages and lines on the account's security page, if it has any. */
  account?: FactorAccountPages;
  /** How one of its authenticators is named to its owner. */
  describe(t: Translate, authenticator: Authenticator): string;
  /**
   * Its enrollment pages, registered as `/enroll/<slug>…` under each host's flow base (an OIDC
   * interaction, a step-up): they build their links from the flow context's `base`.
   */
  enrollmentRoutes(app: FastifyInstance, deps: FactorDeps): Promise<void>;
  /**
   * Its enrollment proves nothing by itself: « Terminer » after it records no amr (a passkey's
   * registration is not an authentication, G-21). Unset: a code confirmed it (`otp`).
   */
  enrollmentProvesNothing?: boolean;
  /** A sign-in by this method alone, in place of the password, when it offers one. */
  firstFactor?: FirstFactorSignIn;
  verification: FactorVerification;
}

/**
 * A method that can sign in by itself, without the password (a passkey with user verification):
 * a form on the sign-in page, and its routes under the interaction's base (`/interaction/:uid`),
 * at the flow's password step, passing that step and the second factor's in one.
 */
export interface FirstFactorSignIn {
  /** What the sign-in page offers beside the password, or nothing (the organization said no). */
  offer(
    deps: FactorDeps,
    flow: { id: string; base: string },
    t: Translate,
  ): Promise<SignInOffer | undefined>;
  routes(app: FastifyInstance, deps: FactorDeps): Promise<void>;
}

/** A sign-in page's other way in: a WebAuthn ceremony whose answer posts to `action`. */
export interface SignInOffer {
  label: string;
  action: string;
  options: string;
  challengeId: string;
}

/** What the security page lends a method's own pages there (`/account/…`). */
export interface AccountPageDeps {
  db: Kysely<Database>;
  now: () => number;
  argon2: Argon2Params;
  /** The account signed in to this browser, if any. */
  signedIn(request: FastifyRequest, reply: FastifyReply): Promise<string | undefined>;
  /** This browser's proof of a second factor of the last minutes, for `purpose` only (G-23). */
  freshProof(
    request: FastifyRequest,
    accountId: string,
    purpose: string,
  ): Promise<{ token: string } | undefined>;
  /** A form's CSRF token bound to `binding` (a proof's token), and its check. */
  csrf(binding: string): string;
  csrfSafe(request: FastifyRequest, binding: string, token: unknown): boolean;
}

/** What the security page says of one of the method's authenticators beyond its name. */
export interface AccountMethodSummary {
  note?: string;
  warning?: string;
  actions?: Array<{ href: string; label: string }>;
}

export interface FactorAccountPages {
  routes(app: FastifyInstance, deps: AccountPageDeps): Promise<void>;
  summary(
    deps: Pick<AccountPageDeps, 'db'>,
    authenticator: Authenticator,
    t: Translate,
  ): Promise<AccountMethodSummary>;
  /** Where to add it from the security page when the account has none. */
  offer?: { href: string; label: MessageKey };
}

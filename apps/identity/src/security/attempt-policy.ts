/**
 * How many failed secret checks a subject (an account, an IP range) may make, as pure functions
 * of the stored state and `now`. NIST 800-63B-4 §3.2.2: at most 100 consecutive failures per
 * account; we throttle well before that (G-07), with exponential back-off.
 *
 * The limiter reserves an attempt *before* the secret is checked (the state saved is the one
 * that holds if this attempt fails) and releases it on success, so a burst of parallel guesses
 * can never evaluate more than the limit (G-09).
 */
export interface AttemptPolicy {
  /** Failures allowed before the first lock; each further multiple locks again. */
  failuresPerLock: number;
  /** First lock; doubles at each further lock, up to `maxLockSeconds`. */
  baseLockSeconds: number;
  maxLockSeconds: number;
  /**
   * Failures after which the subject is locked for `hardLockSeconds` (or until an administrator
   * unlocks it); the count then starts again, so that no lock is forever (G-46).
   */
  hardLimit: number;
  hardLockSeconds: number;
  /** Failures older than this are forgotten (per-IP counting); 0 = never (per-account). */
  windowSeconds: number;
}

export interface AttemptState {
  failures: number;
  windowStartedAt: number;
  lockedUntil: number | null;
}

export type AttemptDecision =
  | { allowed: true; ifFailed: AttemptState }
  | { allowed: false; retryAt: number | null };

/** The password failure counter of an account (G-07). */
export function accountLimitKey(accountId: string): string {
  return `account:${accountId}`;
}

/**
 * The failure counter of one second-factor method of an account: never cleared by a password
 * success, so wrong codes cannot be alternated with fresh password sign-ins (G-39).
 */
export function secondFactorLimitKey(accountId: string, method: string): string {
  return `second-factor:${accountId}:${method}`;
}

/** Every counter an administrator's unlock clears for an account (password and each method). */
export function accountLimitPrefixes(accountId: string): string[] {
  return [accountLimitKey(accountId), `second-factor:${accountId}:`];
}

const dayInSeconds = 24 * 3600;

export const accountPolicy: AttemptPolicy = {
  failuresPerLock: 5,
  baseLockSeconds: 30,
  maxLockSeconds: 3600,
  hardLimit: 100,
  hardLockSeconds: dayInSeconds,
  windowSeconds: 0,
};

export const ipPolicy: AttemptPolicy = {
  failuresPerLock: 50,
  baseLockSeconds: 60,
  maxLockSeconds: 3600,
  hardLimit: Number.POSITIVE_INFINITY,
  hardLockSeconds: dayInSeconds,
  windowSeconds: 900,
};

/** Second-factor guesses from one address, over every account (G-39, G-46). */
export const secondFactorIpPolicy: AttemptPolicy = { ...ipPolicy, failuresPerLock: 20 };

export function decideAttempt(
  stored: AttemptState | undefined,
  nowMs: number,
  policy: AttemptPolicy,
): AttemptDecision {
  const state = currentWindow(stored, nowMs, policy);
  // Back-off: a locked subject gets no evaluation at all until the lock ends.
  if (state.lockedUntil !== null && state.lockedUntil > nowMs) {
    return { allowed: false, retryAt: state.lockedUntil };
  }
  // NIST 800-63B-4 §3.2.2: no more than 100 consecutive failures, then the hard lock; once it has
  // ended by itself (G-46: a lock must not be a denial of service), counting starts again.
  const failures = (state.failures >= policy.hardLimit ? 0 : state.failures) + 1;
  const locks = Math.floor(failures / policy.failuresPerLock);
  const lockedUntil =
    failures >= policy.hardLimit
      ? nowMs + policy.hardLockSeconds * 1000
      : failures % policy.failuresPerLock === 0
        ? nowMs + lockSeconds(locks, policy) * 1000
        : state.lockedUntil;
  return {
    allowed: true,
    ifFailed: { failures, windowStartedAt: state.windowStartedAt, lockedUntil },
  };
}

/**
 * The state after the reserved attempt succeeded (`release`) or was never evaluated (`cancel`),
 * from the state stored now. When other attempts were counted since the reservation, only this
 * attempt's own failure is taken back: a lock they set is never lowered (issue 6, defect 10).
 */
export function settleAttempt(
  current: AttemptState,
  reservation: { state: AttemptState; previousLockedUntil: number | null },
  outcome: 'succeeded' | 'cancelled',
  policy: AttemptPolicy,
): AttemptState {
  const untouched =
    current.failures === reservation.state.failures &&
    current.lockedUntil === reservation.state.lockedUntil;
  if (!untouched) return { ...current, failures: Math.max(0, current.failures - 1) };
  // Per-account counting is of *consecutive* failures: a success clears it.
  if (outcome === 'succeeded' && policy.windowSeconds === 0) {
    return { failures: 0, windowStartedAt: current.windowStartedAt, lockedUntil: null };
  }
  // A lock set by this very attempt must not hold once it succeeded or was not evaluated; any
  // earlier lock had ended, or the attempt would not have been allowed.
  return {
    ...current,
    failures: Math.max(0, current.failures - 1),
    lockedUntil: reservation.previousLockedUntil,
  };
}

function lockSeconds(locks: number, policy: AttemptPolicy): number {
  return Math.min(policy.baseLockSeconds * 2 ** Math.max(0, locks - 1), policy.maxLockSeconds);
}

function currentWindow(
  stored: AttemptState | undefined,
  nowMs: number,
  policy: AttemptPolicy,
): AttemptState {
  const fresh = { failures: 0, windowStartedAt: nowMs, lockedUntil: null };
  if (stored === undefined) return fresh;
  const expired =
    policy.windowSeconds > 0 &&
    stored.windowStartedAt + policy.windowSeconds * 1000 <= nowMs &&
    (stored.lockedUntil === null || stored.lockedUntil <= nowMs);
  return expired ? fresh : stored;
}

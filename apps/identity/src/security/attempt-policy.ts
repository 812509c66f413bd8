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
  /** Failures after which the subject stays locked until an administrator unlocks it. */
  hardLimit: number;
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

/** The one failure counter of an account, shared by its password and its codes (G-07). */
export function accountLimitKey(accountId: string): string {
  return `account:${accountId}`;
}

export const accountPolicy: AttemptPolicy = {
  failuresPerLock: 5,
  baseLockSeconds: 30,
  maxLockSeconds: 3600,
  hardLimit: 100,
  windowSeconds: 0,
};

export const ipPolicy: AttemptPolicy = {
  failuresPerLock: 50,
  baseLockSeconds: 60,
  maxLockSeconds: 3600,
  hardLimit: Number.POSITIVE_INFINITY,
  windowSeconds: 900,
};

export function decideAttempt(
  stored: AttemptState | undefined,
  nowMs: number,
  policy: AttemptPolicy,
): AttemptDecision {
  const state = currentWindow(stored, nowMs, policy);
  // NIST 800-63B-4 §3.2.2: no more than 100 consecutive failed attempts on one account.
  if (state.failures >= policy.hardLimit) return { allowed: false, retryAt: null };
  // Back-off: a locked subject gets no evaluation at all until the lock ends.
  if (state.lockedUntil !== null && state.lockedUntil > nowMs) {
    return { allowed: false, retryAt: state.lockedUntil };
  }
  const failures = state.failures + 1;
  const locks = Math.floor(failures / policy.failuresPerLock);
  const lockedUntil =
    failures % policy.failuresPerLock === 0
      ? nowMs + lockSeconds(locks, policy) * 1000
      : state.lockedUntil;
  return {
    allowed: true,
    ifFailed: { failures, windowStartedAt: state.windowStartedAt, lockedUntil },
  };
}

/** The state after the reserved attempt succeeded. */
export function releaseAttempt(reserved: AttemptState, policy: AttemptPolicy): AttemptState | null {
  // Per-account counting is of *consecutive* failures: a success clears it.
  if (policy.windowSeconds === 0) return null;
  const failures = Math.max(0, reserved.failures - 1);
  // A lock set by this very attempt (it reached a multiple) must not hold once it succeeded; any
  // earlier lock had ended, or the attempt would not have been allowed.
  const lockedUntil =
    reserved.failures % policy.failuresPerLock === 0 ? null : reserved.lockedUntil;
  return { ...reserved, failures, lockedUntil };
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

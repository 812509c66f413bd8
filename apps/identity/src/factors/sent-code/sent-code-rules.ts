/**
 * The rules of a code sent by email or SMS (G-08, G-17), as pure functions of what the database
 * holds and `now`: how long a code lives, and when another may be sent. What is limited here is
 * codes *sent* (a mailbox or phone flooded, a provider billed); wrong codes are the attempt
 * limiter's, per account and method and per address, and a new code never resets them (G-08).
 */

/** NIST 800-63B-4 §3.1.3.1 / G-17: at most 10 minutes for a sign-in code. */
export const sentCodeTtlSeconds = 600;
/** A new code (« Renvoyer le code ») at most this often in one sign-in. */
export const resendIntervalSeconds = 30;
/** At most this many codes per account and method per window, over all its sign-ins. */
export const sendsPerWindow = 5;
export const sendWindowSeconds = 3600;

export interface SendHistory {
  /** When the account's codes of this method were sent within the window, newest first. */
  sentTimes: number[];
  /** When this sign-in's latest code of this method was sent, if it sent one. */
  lastInFlowAt: number | undefined;
  /** The end of the lock on the account's failures of this method, when locked. */
  methodLockedUntil: number | undefined;
}

/** `throttled`: sent a moment ago (seconds to wait); `blocked`: too many this hour (minutes). */
export type SendAllowance =
  | { allowed: true }
  | { allowed: false; reason: 'throttled' | 'blocked'; retryAt: number };

export function decideSendAllowed(history: SendHistory, nowMs: number): SendAllowance {
  // A locked method gets no code: its answer would not be evaluated (G-39).
  if (history.methodLockedUntil !== undefined && history.methodLockedUntil > nowMs)
    return { allowed: false, reason: 'blocked', retryAt: history.methodLockedUntil };
  const last = history.lastInFlowAt;
  // A resend waits a little after the previous code of its sign-in.
  if (last !== undefined && last + resendIntervalSeconds * 1000 > nowMs)
    return { allowed: false, reason: 'throttled', retryAt: last + resendIntervalSeconds * 1000 };
  const inWindow = history.sentTimes.filter((at) => at > nowMs - sendWindowSeconds * 1000);
  // A bounded number per hour: the oldest of them must leave the window first.
  const oldest = inWindow[sendsPerWindow - 1];
  if (oldest !== undefined)
    return { allowed: false, reason: 'blocked', retryAt: oldest + sendWindowSeconds * 1000 };
  return { allowed: true };
}

/** What a typed code may look like: 6 digits, spaces ignored (« 123 456 »). */
export function normalizeSentCode(typed: string): string | undefined {
  const code = typed.replace(/\s+/g, '');
  return /^[0-9]{6}$/.test(code) ? code : undefined;
}

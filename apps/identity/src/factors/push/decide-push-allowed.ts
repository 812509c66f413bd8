/**
 * Anti-fatigue (G-15, G-48, G-49), as a pure decision over what the database holds — read from
 * the `challenges` and `push_answers` tables, not the attempt limiter, because what is limited
 * here is pushes *sent*, not secrets guessed:
 * 1. after « Ce n'était pas moi », no push for the account for a while (configured);
 * 2. no push while the account's failures of this method are locked (its answer would be refused);
 * 3. at most 3 pushes per account per 10 minutes since its last approval.
 */
import { pushesPerWindow, pushWindowSeconds } from './push-challenge-kind.ts';

export interface PushHistory {
  lastDenialAt: number | undefined;
  lastApprovalAt: number | undefined;
  /** Creation times of the account's pushes in the window, newest first (at most 3 needed). */
  recentPushTimes: number[];
  /** The end of the lock on the account's failures of this method, when locked. */
  methodLockedUntil: number | undefined;
}

export type PushAllowance =
  | { allowed: true }
  | { allowed: false; reason: 'throttled' | 'blocked'; retryAt: number };

export function decidePushAllowed(
  history: PushHistory,
  nowMs: number,
  denialBlockSeconds: number,
): PushAllowance {
  const blockedUntil =
    history.lastDenialAt === undefined ? 0 : history.lastDenialAt + denialBlockSeconds * 1000;
  // A denial blocks further pushes for a while, and is never followed by an automatic one (G-48).
  if (blockedUntil > nowMs) return { allowed: false, reason: 'blocked', retryAt: blockedUntil };
  // A locked method gets no push: its answer would not be evaluated (G-39).
  if (history.methodLockedUntil !== undefined && history.methodLockedUntil > nowMs)
    return { allowed: false, reason: 'throttled', retryAt: history.methodLockedUntil };
  const windowStart = Math.max(
    nowMs - pushWindowSeconds * 1000,
    history.lastApprovalAt ?? Number.NEGATIVE_INFINITY,
  );
  const inWindow = history.recentPushTimes.filter((at) => at > windowStart);
  // At most 3 pushes per 10 minutes without a success (G-49); a slot frees when the third
  // newest leaves the window.
  if (inWindow.length >= pushesPerWindow) {
    const third = inWindow[pushesPerWindow - 1] as number;
    return { allowed: false, reason: 'throttled', retryAt: third + pushWindowSeconds * 1000 };
  }
  return { allowed: true };
}

/** How far back `recentPushTimes` must look. */
export function pushHistorySince(nowMs: number): number {
  return nowMs - pushWindowSeconds * 1000;
}

import { describe, expect, it } from 'vitest';
import {
  type AttemptPolicy,
  type AttemptState,
  accountPolicy,
  decideAttempt,
  ipPolicy,
  settleAttempt,
} from './attempt-policy.ts';

const t0 = Date.UTC(2026, 0, 15, 12, 0, 0);

/** Record one failed attempt, which must be allowed. */
function fail(state: AttemptState | undefined, nowMs: number, policy: AttemptPolicy) {
  const decision = decideAttempt(state, nowMs, policy);
  if (!decision.allowed) throw new Error(`attempt refused at ${nowMs - t0} ms`);
  return decision.ifFailed;
}

/** `count` failures at one instant, from `state`. */
function failTimes(
  state: AttemptState | undefined,
  count: number,
  nowMs: number,
  policy: AttemptPolicy,
) {
  let current = state;
  for (let i = 0; i < count; i += 1) current = fail(current, nowMs, policy);
  return current as AttemptState;
}

describe('decideAttempt, per-account policy (G-07)', () => {
  it('allows failuresPerLock - 1 failures without a lock, and locks on the next one', () => {
    const before = failTimes(undefined, accountPolicy.failuresPerLock - 1, t0, accountPolicy);
    expect(before).toEqual({ failures: 4, windowStartedAt: t0, lockedUntil: null });
    const locking = fail(before, t0, accountPolicy);
    expect(locking.lockedUntil).toBe(t0 + accountPolicy.baseLockSeconds * 1000);
    expect(decideAttempt(locking, t0 + 29_999, accountPolicy)).toEqual({
      allowed: false,
      retryAt: locking.lockedUntil,
    });
    expect(decideAttempt(locking, t0 + 30_000, accountPolicy).allowed).toBe(true);
  });

  it('locks again at each multiple, doubling the lock up to maxLockSeconds', () => {
    let state: AttemptState | undefined;
    let now = t0;
    const locks: number[] = [];
    for (let lock = 1; lock <= 10; lock += 1) {
      state = failTimes(state, accountPolicy.failuresPerLock, now, accountPolicy);
      expect(state.failures).toBe(lock * accountPolicy.failuresPerLock);
      locks.push(((state.lockedUntil ?? now) - now) / 1000);
      now = state.lockedUntil ?? now;
    }
    expect(locks).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });

  it('does not lock between multiples once a lock has ended', () => {
    const locked = failTimes(undefined, 5, t0, accountPolicy);
    const after = (locked.lockedUntil as number) + 1;
    const sixth = fail(locked, after, accountPolicy);
    expect(sixth.failures).toBe(6);
    expect(decideAttempt(sixth, after, accountPolicy).allowed).toBe(true);
  });

  it('evaluates at most hardLimit (100) failures, then locks for hardLockSeconds (G-46)', () => {
    let state: AttemptState | undefined;
    let now = t0;
    let evaluations = 0;
    for (;;) {
      const decision = decideAttempt(state, now, accountPolicy);
      if (!decision.allowed) {
        if (decision.retryAt === null) throw new Error('no lock may be forever');
        if (decision.retryAt - now >= accountPolicy.hardLockSeconds * 1000) break;
        now = decision.retryAt;
        continue;
      }
      state = decision.ifFailed;
      evaluations += 1;
    }
    expect(accountPolicy.hardLimit).toBeLessThanOrEqual(100);
    expect(evaluations).toBe(accountPolicy.hardLimit);
    const hardLockEnds = state?.lockedUntil as number;
    expect(hardLockEnds).toBe(now + accountPolicy.hardLockSeconds * 1000);
    expect(decideAttempt(state, hardLockEnds - 1, accountPolicy).allowed).toBe(false);
    // The hard lock ends by itself, and counting starts again.
    expect(decideAttempt(state, hardLockEnds, accountPolicy)).toMatchObject({
      allowed: true,
      ifFailed: { failures: 1 },
    });
  });

  it('never forgets per-account failures with time (consecutive failures)', () => {
    const four = failTimes(undefined, 4, t0, accountPolicy);
    const nextYear = t0 + 365 * 24 * 3600 * 1000;
    expect(fail(four, nextYear, accountPolicy).failures).toBe(5);
  });

  it('clears the per-account count on success', () => {
    const before = failTimes(undefined, 4, t0, accountPolicy);
    const reserved = fail(before, t0, accountPolicy);
    const reservation = { state: reserved, previousLockedUntil: before.lockedUntil };
    expect(settleAttempt(reserved, reservation, 'succeeded', accountPolicy)).toEqual({
      failures: 0,
      windowStartedAt: t0,
      lockedUntil: null,
    });
  });

  it('never lowers a lock that attempts counted after the reservation set (defect 10)', () => {
    const before = failTimes(undefined, 1, t0, accountPolicy);
    const reserved = fail(before, t0, accountPolicy);
    const reservation = { state: reserved, previousLockedUntil: before.lockedUntil };
    const lockedMeanwhile = failTimes(reserved, 3, t0, accountPolicy);
    expect(lockedMeanwhile.lockedUntil).not.toBeNull();
    for (const outcome of ['succeeded', 'cancelled'] as const) {
      expect(settleAttempt(lockedMeanwhile, reservation, outcome, accountPolicy)).toEqual({
        ...lockedMeanwhile,
        failures: lockedMeanwhile.failures - 1,
      });
    }
  });
});

describe('decideAttempt, per-IP policy (G-12)', () => {
  it('locks at failuresPerLock failures within the window', () => {
    const state = failTimes(undefined, ipPolicy.failuresPerLock, t0, ipPolicy);
    expect(state.lockedUntil).toBe(t0 + ipPolicy.baseLockSeconds * 1000);
    expect(decideAttempt(state, t0 + 1000, ipPolicy).allowed).toBe(false);
  });

  it('forgets failures once the window has passed', () => {
    const state = failTimes(undefined, ipPolicy.failuresPerLock - 1, t0, ipPolicy);
    const inWindow = fail(state, t0 + ipPolicy.windowSeconds * 1000 - 1, ipPolicy);
    expect(inWindow.failures).toBe(ipPolicy.failuresPerLock);
    const afterWindow = fail(state, t0 + ipPolicy.windowSeconds * 1000, ipPolicy);
    expect(afterWindow).toEqual({
      failures: 1,
      windowStartedAt: t0 + ipPolicy.windowSeconds * 1000,
      lockedUntil: null,
    });
  });

  it('does not let the window end a lock early', () => {
    const policy: AttemptPolicy = { ...ipPolicy, baseLockSeconds: 3600 };
    const start = failTimes(undefined, 1, t0, policy);
    const locked = failTimes(start, policy.failuresPerLock - 1, t0 + 800_000, policy);
    const lockedUntil = locked.lockedUntil as number;
    expect(decideAttempt(locked, t0 + policy.windowSeconds * 1000 + 1, policy)).toEqual({
      allowed: false,
      retryAt: lockedUntil,
    });
    expect(decideAttempt(locked, lockedUntil, policy)).toMatchObject({
      allowed: true,
      ifFailed: { failures: 1 },
    });
  });

  it('a success takes back only its own failure', () => {
    const before = failTimes(undefined, 6, t0, ipPolicy);
    const reserved = fail(before, t0, ipPolicy);
    const reservation = { state: reserved, previousLockedUntil: before.lockedUntil };
    expect(settleAttempt(reserved, reservation, 'succeeded', ipPolicy)).toEqual(before);
  });

  it('a success on the attempt that would have locked leaves no lock', () => {
    const before = failTimes(undefined, ipPolicy.failuresPerLock - 1, t0, ipPolicy);
    const reserved = fail(before, t0, ipPolicy);
    expect(reserved.lockedUntil).not.toBeNull();
    const reservation = { state: reserved, previousLockedUntil: before.lockedUntil };
    const released = settleAttempt(reserved, reservation, 'succeeded', ipPolicy);
    expect(released).toEqual(before);
    expect(decideAttempt(released, t0, ipPolicy).allowed).toBe(true);
  });
});

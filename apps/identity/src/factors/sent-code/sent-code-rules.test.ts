/** The sending rules of email and SMS codes, as pure decisions of the history and `now`. */
import { describe, expect, it } from 'vitest';
import {
  decideSendAllowed,
  normalizeSentCode,
  resendIntervalSeconds,
  sendsPerWindow,
  sendWindowSeconds,
} from './sent-code-rules.ts';

const now = 1_800_000_000_000;
const history = { sentTimes: [], lastInFlowAt: undefined, methodLockedUntil: undefined };

describe('sending a code', () => {
  it('is allowed with nothing sent', () => {
    expect(decideSendAllowed(history, now)).toEqual({ allowed: true });
  });

  it('waits 30 s after the sign-in’s previous code, and says until when', () => {
    const last = now - 10_000;
    expect(decideSendAllowed({ ...history, lastInFlowAt: last, sentTimes: [last] }, now)).toEqual({
      allowed: false,
      reason: 'throttled',
      retryAt: last + resendIntervalSeconds * 1000,
    });
    const past = now - resendIntervalSeconds * 1000;
    expect(decideSendAllowed({ ...history, lastInFlowAt: past, sentTimes: [past] }, now)).toEqual({
      allowed: true,
    });
  });

  it('allows 5 an hour per account and method, over all its sign-ins', () => {
    const times = Array.from({ length: sendsPerWindow }, (_, i) => now - (i + 1) * 60_000);
    const oldest = times.at(-1) as number;
    expect(decideSendAllowed({ ...history, sentTimes: times }, now)).toEqual({
      allowed: false,
      reason: 'blocked',
      retryAt: oldest + sendWindowSeconds * 1000,
    });
    expect(decideSendAllowed({ ...history, sentTimes: times.slice(1) }, now)).toEqual({
      allowed: true,
    });
    // Older than the window: forgotten.
    const old = times.map((at) => at - sendWindowSeconds * 1000);
    expect(decideSendAllowed({ ...history, sentTimes: old }, now)).toEqual({ allowed: true });
  });

  it('sends nothing while the method is locked', () => {
    expect(decideSendAllowed({ ...history, methodLockedUntil: now + 5000 }, now)).toEqual({
      allowed: false,
      reason: 'blocked',
      retryAt: now + 5000,
    });
  });
});

describe('a typed code', () => {
  it('is 6 digits, spaces ignored', () => {
    expect(normalizeSentCode(' 123 456 ')).toBe('123456');
    for (const bad of ['12345', '1234567', '12a456', '', '١٢٣٤٥٦'])
      expect(normalizeSentCode(bad)).toBeUndefined();
  });
});

/** G-02, G-03: the acceptance window (T-1..T+1, never ±2) and one-time use of a step. */
import { describe, expect, it } from 'vitest';
import { checkTotpCode, generateTotpCode, totpStepAt } from './totp-code.ts';
import { generateTotpSecret } from './totp-secret.ts';

const secret = generateTotpSecret();
const stepStart = 1_795_000_020_000 - (1_795_000_020_000 % 30_000);

describe('TOTP acceptance window', () => {
  it.each([
    [-2, false],
    [-1, true],
    [0, true],
    [1, true],
    [2, false],
  ])('a code of step T%+i is accepted: %s', (offset, accepted) => {
    const code = generateTotpCode(secret, stepStart + offset * 30_000);
    expect(checkTotpCode({ secret, code, nowMs: stepStart, lastUsedStep: null }).ok).toBe(accepted);
  });

  it('holds at both edges of a step', () => {
    const code = generateTotpCode(secret, stepStart);
    expect(
      checkTotpCode({ secret, code, nowMs: stepStart + 29_999 + 30_000, lastUsedStep: null }).ok,
    ).toBe(true);
    expect(checkTotpCode({ secret, code, nowMs: stepStart + 60_000, lastUsedStep: null }).ok).toBe(
      false,
    );
    expect(checkTotpCode({ secret, code, nowMs: stepStart - 30_000, lastUsedStep: null }).ok).toBe(
      true,
    );
    expect(checkTotpCode({ secret, code, nowMs: stepStart - 30_001, lastUsedStep: null }).ok).toBe(
      false,
    );
  });

  it('returns the step it matched', () => {
    const code = generateTotpCode(secret, stepStart);
    expect(checkTotpCode({ secret, code, nowMs: stepStart + 30_000, lastUsedStep: null })).toEqual({
      ok: true,
      step: totpStepAt(stepStart),
    });
  });

  it('refuses a code of a step already used, and of an earlier step', () => {
    const step = totpStepAt(stepStart);
    const now = generateTotpCode(secret, stepStart);
    const before = generateTotpCode(secret, stepStart - 30_000);
    expect(checkTotpCode({ secret, code: now, nowMs: stepStart, lastUsedStep: step })).toEqual({
      ok: false,
      reason: 'replayed',
    });
    expect(checkTotpCode({ secret, code: before, nowMs: stepStart, lastUsedStep: step })).toEqual({
      ok: false,
      reason: 'replayed',
    });
    const next = generateTotpCode(secret, stepStart + 30_000);
    expect(
      checkTotpCode({ secret, code: next, nowMs: stepStart + 30_000, lastUsedStep: step }).ok,
    ).toBe(true);
  });

  it.each(['', '12345', '1234567', 'abcdef', '12 34 5a', '١٢٣٤٥٦'])(
    'refuses the malformed code %j',
    (code) => {
      expect(checkTotpCode({ secret, code, nowMs: stepStart, lastUsedStep: null })).toEqual({
        ok: false,
        reason: 'invalid',
      });
    },
  );

  it('accepts the code typed with spaces', () => {
    const code = generateTotpCode(secret, stepStart);
    expect(
      checkTotpCode({
        secret,
        code: `${code.slice(0, 3)} ${code.slice(3)}`,
        nowMs: stepStart,
        lastUsedStep: null,
      }).ok,
    ).toBe(true);
  });
});

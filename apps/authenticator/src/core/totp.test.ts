import { describe, expect, it } from 'vitest';
import { decodeBase32, formatTotpCode, totpCode, totpSecondsLeft } from './totp.ts';

// RFC 6238 Appendix B, SHA-1 seed: ASCII "12345678901234567890".
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totp', () => {
  it('decodes the RFC seed from Base32', () => {
    expect(new TextDecoder().decode(decodeBase32(rfcSecret))).toBe('12345678901234567890');
    expect(new TextDecoder().decode(decodeBase32('gezd gnbv gy3t qojq gezd gnbv gy3t qojq'))).toBe(
      '12345678901234567890',
    );
    expect(() => decodeBase32('GEZD1')).toThrow(TypeError);
  });

  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ])('matches RFC 6238 at T=%i (last 6 digits)', (seconds, code) => {
    expect(totpCode({ secret: rfcSecret, nowMs: seconds * 1000 })).toBe(code);
  });

  it('counts the seconds left in the period, from the clock it is given', () => {
    expect(totpSecondsLeft(0)).toBe(30);
    expect(totpSecondsLeft(59_000)).toBe(1);
    expect(totpSecondsLeft(59_999)).toBe(1);
    expect(totpSecondsLeft(60_000)).toBe(30);
    expect(totpSecondsLeft(75_500)).toBe(15);
  });

  it('groups a code 3 + 3 for reading', () => {
    expect(formatTotpCode('287082')).toBe('287 082');
  });
});

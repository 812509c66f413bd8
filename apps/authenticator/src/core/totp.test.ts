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

  // RFC 6238 Appendix B: the SHA-256 and SHA-512 seeds are the same digits, 32 and 64 bytes long.
  const seed256 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA';
  const seed512 =
    'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA';
  it.each([
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ])(
    'matches RFC 6238 at T=%i with 8 digits (SHA-1, SHA-256, SHA-512)',
    (seconds, sha1, sha256, sha512) => {
      const nowMs = seconds * 1000;
      expect(new TextDecoder().decode(decodeBase32(seed256))).toBe(
        '12345678901234567890123456789012',
      );
      expect(decodeBase32(seed512)).toHaveLength(64);
      expect(totpCode({ secret: rfcSecret, nowMs, digits: 8 })).toBe(sha1);
      expect(totpCode({ secret: seed256, nowMs, algorithm: 'SHA256', digits: 8 })).toBe(sha256);
      expect(totpCode({ secret: seed512, nowMs, algorithm: 'SHA512', digits: 8 })).toBe(sha512);
    },
  );

  it('counts time steps of 60 s when told to', () => {
    // T=59 is still step 0 of a 60 s period; T=60 is step 1 (the 30 s code of T=30..59).
    expect(totpCode({ secret: rfcSecret, nowMs: 59_000, period: 60 })).toBe(
      totpCode({ secret: rfcSecret, nowMs: 0 }),
    );
    expect(totpCode({ secret: rfcSecret, nowMs: 60_000, period: 60 })).toBe('287082');
    expect(totpSecondsLeft(0, 60)).toBe(60);
    expect(totpSecondsLeft(59_000, 60)).toBe(1);
    expect(totpSecondsLeft(75_500, 60)).toBe(45);
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

  it('groups an 8-digit code 4 + 4', () => {
    expect(formatTotpCode('94287082')).toBe('9428 7082');
  });
});

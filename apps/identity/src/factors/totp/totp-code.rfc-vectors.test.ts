/** G-01: RFC 4226 Appendix D and RFC 6238 Appendix B known answers, and the key-length negative control. */
import { describe, expect, it } from 'vitest';
import { computeTotp } from './totp-code.ts';

const ascii = (s: string) => new TextEncoder().encode(s);
const seed20 = ascii('12345678901234567890');
const seed32 = ascii('12345678901234567890123456789012');
const seed64 = ascii('1234567890123456789012345678901234567890123456789012345678901234');

describe('RFC 4226 Appendix D (HOTP, counter = T with 30 s steps)', () => {
  const expected = [
    '755224',
    '287082',
    '359152',
    '969429',
    '338314',
    '254676',
    '287922',
    '162583',
    '399871',
    '520489',
  ];
  it.each(expected.map((code, count) => [count, code] as const))('count %i → %s', (count, code) => {
    expect(computeTotp({ secret: seed20, nowMs: count * 30_000 })).toBe(code);
  });
});

describe('RFC 6238 Appendix B (8 digits, per-hash seeds)', () => {
  const table: Array<[number, string, string, string]> = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    // Beyond 2038: RFC 6238 §4.2 requires T larger than a 32-bit integer.
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  it.each(table)('T = %i s', (seconds, sha1, sha256, sha512) => {
    const nowMs = seconds * 1000;
    expect(computeTotp({ secret: seed20, nowMs, digits: 8 })).toBe(sha1);
    expect(computeTotp({ secret: seed32, nowMs, digits: 8, algorithm: 'sha256' })).toBe(sha256);
    expect(computeTotp({ secret: seed64, nowMs, digits: 8, algorithm: 'sha512' })).toBe(sha512);
  });

  it('does not have the 20-byte-seed bug for SHA-2 (negative control)', () => {
    expect(computeTotp({ secret: seed20, nowMs: 59_000, digits: 8, algorithm: 'sha256' })).toBe(
      '32247374',
    );
    expect(computeTotp({ secret: seed32, nowMs: 59_000, digits: 8, algorithm: 'sha256' })).not.toBe(
      '32247374',
    );
    expect(computeTotp({ secret: seed64, nowMs: 59_000, digits: 8, algorithm: 'sha512' })).not.toBe(
      '69342147',
    );
  });

  it('6-digit codes are the last six digits of the 8-digit ones', () => {
    expect(computeTotp({ secret: seed20, nowMs: 59_000 })).toBe('287082');
  });
});

import { describe, expect, it } from 'vitest';
import {
  isOtpauthError,
  normalizeOtpSecret,
  type OtpauthErrorCode,
  parseOtpauthUri,
} from './parse-otpauth-uri.ts';
import { totpCode } from './totp.ts';

const secret = 'JBSWY3DPEHPK3PXP';

function codeOf(text: string): OtpauthErrorCode | undefined {
  try {
    parseOtpauthUri(text);
    return undefined;
  } catch (error) {
    if (!isOtpauthError(error)) throw error;
    return error.code;
  }
}

describe('parseOtpauthUri', () => {
  it('reads the Key URI Format example with its defaults (SHA-1, 6 digits, 30 s)', () => {
    expect(
      parseOtpauthUri(`otpauth://totp/Example:alice@google.com?secret=${secret}&issuer=Example`),
    ).toEqual({
      issuer: 'Example',
      accountName: 'alice@google.com',
      secret,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
  });

  it('reads every parameter, percent-encoded labels and spaces', () => {
    expect(
      parseOtpauthUri(
        'otpauth://totp/ACME%20Co:%20john.doe%40email.com?secret=jbsw%20y3dp%20ehpk%203pxp' +
          '&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=60',
      ),
    ).toEqual({
      issuer: 'ACME Co',
      accountName: 'john.doe@email.com',
      secret,
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
    });
    expect(parseOtpauthUri(`OTPAUTH://TOTP/x?secret=${secret}&algorithm=sha512`).algorithm).toBe(
      'SHA512',
    );
  });

  it('takes the issuer from the label when there is no parameter, and the parameter first', () => {
    expect(parseOtpauthUri(`otpauth://totp/GitHub:octo?secret=${secret}`)).toMatchObject({
      issuer: 'GitHub',
      accountName: 'octo',
    });
    expect(parseOtpauthUri(`otpauth://totp/Old:octo?secret=${secret}&issuer=New`).issuer).toBe(
      'New',
    );
    expect(parseOtpauthUri(`otpauth://totp/octo?secret=${secret}`)).toMatchObject({
      issuer: '',
      accountName: 'octo',
    });
  });

  it('accepts a secret with padding', () => {
    // 32 bytes → 52 characters + 4 of padding.
    const padded = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA====';
    expect(parseOtpauthUri(`otpauth://totp/a?secret=${padded}`).secret).toBe(
      padded.replace(/=/g, ''),
    );
  });

  it('gives codes equal to the RFC 6238 vectors once parsed', () => {
    const account = parseOtpauthUri(
      'otpauth://totp/RFC:sha256?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA' +
        '&algorithm=SHA256&digits=8',
    );
    expect(totpCode({ ...account, nowMs: 59_000 })).toBe('46119246');
  });

  it.each<[string, OtpauthErrorCode]>([
    ['https://example.com/?secret=JBSWY3DPEHPK3PXP', 'otpauth.invalid'],
    ['not a uri', 'otpauth.invalid'],
    ['otpauth://motp/a?secret=JBSWY3DPEHPK3PXP', 'otpauth.invalid'],
    ['otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP&counter=0', 'otpauth.hotp'],
    ['otpauth://totp/a', 'otpauth.secret_missing'],
    ['otpauth://totp/a?secret=', 'otpauth.secret_missing'],
    ['otpauth://totp/a?secret=JBSWY3DPEHPK3PX1', 'otpauth.secret_invalid'],
    ['otpauth://totp/a?secret=JBSWY3DP', 'otpauth.secret_invalid'],
    ['otpauth://totp/a?secret=JBSWY3DPEHPK3PXPA', 'otpauth.secret_invalid'],
    ['otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=MD5', 'otpauth.algorithm'],
    ['otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=7', 'otpauth.digits'],
    ['otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=six', 'otpauth.digits'],
    ['otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=45', 'otpauth.period'],
  ])('refuses %s with %s', (text, code) => {
    expect(codeOf(text)).toBe(code);
  });
});

describe('normalizeOtpSecret', () => {
  it('tolerates what a person types: groups, hyphens, lower case, padding', () => {
    expect(normalizeOtpSecret(' jbsw y3dp-ehpk 3pxp ')).toBe(secret);
    expect(normalizeOtpSecret('JBSWY3DPEHPK3PXP====')).toBe(secret);
  });

  it('refuses an empty or non-Base32 key', () => {
    expect(() => normalizeOtpSecret('  ')).toThrow('otpauth.secret_missing');
    expect(() => normalizeOtpSecret('JBSWY3DPEHPK3PX0')).toThrow('otpauth.secret_invalid');
  });
});

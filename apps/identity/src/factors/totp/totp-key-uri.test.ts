/** G-04, G-06: secret size and the otpauth:// Key URI round trip. */
import { describe, expect, it } from 'vitest';
import { totpKeyUri } from './totp-key-uri.ts';
import {
  decodeTotpSecret,
  encodeTotpSecret,
  generateTotpSecret,
  groupTotpSecret,
} from './totp-secret.ts';

describe('TOTP secret and Key URI', () => {
  it('makes 160-bit secrets that differ', () => {
    const a = generateTotpSecret();
    expect(a.length).toBe(20);
    expect(encodeTotpSecret(a)).not.toBe(encodeTotpSecret(generateTotpSecret()));
  });

  it('encodes Base32 without padding and decodes what people type', () => {
    const secret = generateTotpSecret();
    const base32 = encodeTotpSecret(secret);
    expect(base32).toMatch(/^[A-Z2-7]{32}$/);
    expect(decodeTotpSecret(groupTotpSecret(base32).toLowerCase())).toEqual(secret);
    expect(groupTotpSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    expect(decodeTotpSecret('not base32!')).toBeUndefined();
    expect(decodeTotpSecret('ABC1')).toBeUndefined();
  });

  it('builds a Key URI that parses back to the same issuer, account, secret and parameters', () => {
    const secret = generateTotpSecret();
    const uri = new URL(
      totpKeyUri({ issuer: 'Boréal Finance', account: 'claire@example.ca', secret }),
    );
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    const [issuer, account] = decodeURIComponent(uri.pathname.slice(1)).split(':');
    expect(issuer).toBe('Boréal Finance');
    expect(account).toBe('claire@example.ca');
    expect(uri.searchParams.get('issuer')).toBe(issuer);
    expect(decodeTotpSecret(uri.searchParams.get('secret') ?? '')).toEqual(secret);
    expect(uri.searchParams.get('secret')).not.toContain('=');
    expect([
      uri.searchParams.get('algorithm'),
      uri.searchParams.get('digits'),
      uri.searchParams.get('period'),
    ]).toEqual(['SHA1', '6', '30']);
  });

  it('keeps colons out of the issuer and the account', () => {
    const uri = totpKeyUri({ issuer: 'A:B', account: 'x:y', secret: generateTotpSecret() });
    const label = decodeURIComponent(new URL(uri).pathname.slice(1));
    expect(label.split(':')).toHaveLength(2);
  });
});

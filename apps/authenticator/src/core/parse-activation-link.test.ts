import { describe, expect, it } from 'vitest';
import { parseActivationLink, parseIssuer } from './parse-activation-link.ts';
import { isVerifyError } from './verify-error.ts';

const token = 'q1w2e3r4t5y6u7i8o9p0aZ';

describe('parseActivationLink', () => {
  it('reads the issuer (origin) and the token of a Sesame link', () => {
    expect(parseActivationLink(`https://id.example.com/app/activate#token=${token}`)).toEqual({
      issuer: 'https://id.example.com',
      token,
    });
    expect(
      parseActivationLink(` https://id.example.com:8443/app/activate#token=${token}\n`),
    ).toEqual({ issuer: 'https://id.example.com:8443', token });
  });

  it('accepts plain http only on this machine', () => {
    for (const host of ['localhost:3000', '127.0.0.1:3100', '[::1]:3000']) {
      expect(parseActivationLink(`http://${host}/app/activate#token=${token}`).issuer).toBe(
        `http://${host}`,
      );
    }
  });

  it.each([
    ['empty', ''],
    ['not a URL', 'hello'],
    ['http on the network', `http://192.168.1.10:3000/app/activate#token=${token}`],
    ['http on a public host', `http://id.example.com/app/activate#token=${token}`],
    ['javascript:', `javascript:alert(1)//app/activate#token=${token}`],
    ['data:', `data:text/html,<script>alert(1)</script>#token=${token}`],
    ['otpauth:', 'otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP&issuer=ACME'],
    ['file:', `file:///app/activate#token=${token}`],
    ['other path', `https://id.example.com/app/activated#token=${token}`],
    ['path prefix', `https://id.example.com/evil/app/activate#token=${token}`],
    ['trailing slash', `https://id.example.com/app/activate/#token=${token}`],
    ['query string', `https://id.example.com/app/activate?token=${token}`],
    ['query and fragment', `https://id.example.com/app/activate?x=1#token=${token}`],
    ['missing token', 'https://id.example.com/app/activate'],
    ['empty token', 'https://id.example.com/app/activate#token='],
    ['short token', 'https://id.example.com/app/activate#token=abc'],
    ['two tokens', `https://id.example.com/app/activate#token=${token}&token=${token}`],
    ['extra parameter', `https://id.example.com/app/activate#token=${token}&next=https://evil`],
    ['token with a newline', `https://id.example.com/app/activate#token=${token}%0d%0aX:1`],
    ['token with spaces', `https://id.example.com/app/activate#token=${token}%20Device`],
    ['credentials in the URL', `https://id.example.com@evil.example/app/activate#token=${token}`],
    ['user and password', `https://a:b@id.example.com/app/activate#token=${token}`],
    ['very long', `https://id.example.com/app/activate#token=${'a'.repeat(5000)}`],
  ])('refuses %s', (_name, link) => {
    let caught: unknown;
    try {
      parseActivationLink(link);
    } catch (error) {
      caught = error;
    }
    expect(isVerifyError(caught, 'link.invalid')).toBe(true);
  });
});

describe('parseIssuer', () => {
  it('keeps the origin of a typed address, https by default', () => {
    expect(parseIssuer('id.example.com')).toBe('https://id.example.com');
    expect(parseIssuer(' https://id.example.com/oidc/ ')).toBe('https://id.example.com');
    expect(parseIssuer('http://localhost:3000')).toBe('http://localhost:3000');
  });

  it('refuses other schemes and http on the network', () => {
    for (const typed of ['', 'ftp://id.example.com', 'http://id.example.com', 'javascript:x']) {
      expect(() => parseIssuer(typed)).toThrow();
    }
  });
});

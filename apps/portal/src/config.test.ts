import { describe, expect, it } from 'vitest';
import { loadPortalConfig } from './config.ts';

const secret = { PORTAL_CLIENT_SECRET: 's3cret' };

describe('loadPortalConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadPortalConfig(secret)).toEqual({
      port: 3001,
      host: 'localhost',
      publicUrl: 'http://localhost:3001',
      issuer: 'http://localhost:3000/oidc',
      clientId: 'espace-client',
      clientSecret: 's3cret',
      accountUrl: 'http://localhost:3000/account',
    });
  });

  it('derives the public URL from the port and the account URL from the issuer origin', () => {
    const config = loadPortalConfig({
      ...secret,
      PORTAL_PORT: '8080',
      SESAME_ISSUER: 'https://id.example.com/oidc/',
    });
    expect(config.publicUrl).toBe('http://localhost:8080');
    expect(config.issuer).toBe('https://id.example.com/oidc');
    expect(config.accountUrl).toBe('https://id.example.com/account');
  });

  it('reads every variable', () => {
    const config = loadPortalConfig({
      ...secret,
      PORTAL_HOST: '0.0.0.0',
      PORTAL_PUBLIC_URL: 'https://client.example.com/',
      PORTAL_CLIENT_ID: 'portal',
      SESAME_ACCOUNT_URL: 'https://id.example.com/security',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      publicUrl: 'https://client.example.com',
      clientId: 'portal',
      accountUrl: 'https://id.example.com/security',
    });
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadPortalConfig(secret))).toBe(true);
  });

  it('requires the client secret, with a clear message', () => {
    expect(() => loadPortalConfig({})).toThrow(/PORTAL_CLIENT_SECRET is required/);
    expect(() => loadPortalConfig({ PORTAL_CLIENT_SECRET: '' })).toThrow(
      /PORTAL_CLIENT_SECRET is required/,
    );
  });

  it.each([
    ['PORTAL_PORT', 'abc'],
    ['PORTAL_PORT', '0'],
    ['PORTAL_PORT', '70000'],
    ['PORTAL_PORT', '30.5'],
    ['PORTAL_HOST', 'bad host'],
    ['PORTAL_PUBLIC_URL', 'not a url'],
    ['PORTAL_PUBLIC_URL', 'ftp://client.example.com'],
    ['PORTAL_PUBLIC_URL', 'https://client.example.com/portal'],
    ['SESAME_ISSUER', 'localhost:3000'],
    ['SESAME_ISSUER', 'https://user:pw@id.example.com/oidc'],
    ['SESAME_ACCOUNT_URL', 'javascript:alert(1)'],
    ['PORTAL_CLIENT_ID', 'has space'],
    ['PORTAL_CLIENT_SECRET', 'has space'],
  ])('rejects %s=%j with a TypeError naming it', (name, value) => {
    const load = () => loadPortalConfig({ ...secret, [name]: value });
    expect(load).toThrow(TypeError);
    expect(load).toThrow(name);
  });
});

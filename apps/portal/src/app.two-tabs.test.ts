/**
 * G-45 on the portal's side: a second tab that goes to /login while the first one's sign-in is
 * in progress (the guide keeps the QR page open) keeps the first one valid; each callback is
 * matched by its own `state`, once.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildPortalApp } from './app.ts';
import { loadPortalConfig, type PortalConfig } from './config.ts';
import { createSessionStore } from './session-store.ts';
import { type FakeIssuer, startFakeIssuer } from './testing/fake-issuer.ts';

let issuer: FakeIssuer;
let config: PortalConfig;
let app: FastifyInstance;

beforeAll(async () => {
  issuer = await startFakeIssuer({
    clientId: 'espace-client',
    clientSecret: 'test-secret',
    redirectUri: 'http://localhost:3001/callback',
  });
  config = loadPortalConfig({ PORTAL_CLIENT_SECRET: 'test-secret', SESAME_ISSUER: issuer.issuer });
});
afterAll(() => issuer.close());
afterEach(() => app?.close());

/** /login in a browser whose cookie jar is `jar`; returns the authorization request's params. */
async function login(jar: Map<string, string>) {
  const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await app.inject({ url: '/login', headers: cookie ? { cookie } : {} });
  expect(response.statusCode).toBe(302);
  for (const c of response.cookies) jar.set(c.name, c.value);
  return new URL(String(response.headers.location)).searchParams;
}

function callback(jar: Map<string, string>, params: URLSearchParams) {
  const code = issuer.issueCode({
    codeChallenge: params.get('code_challenge') ?? '',
    nonce: params.get('nonce') ?? '',
    claims: { sub: 'user-1', amr: ['pwd', 'otp'], auth_time: Math.floor(Date.now() / 1000) },
    userinfo: { name: 'Marie Tremblay' },
  });
  const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return app.inject({
    url: `/callback?code=${code}&state=${params.get('state')}`,
    headers: { cookie },
  });
}

describe('two tabs, one browser (G-45)', () => {
  it('finishes the first tab’s sign-in after a second tab started another', async () => {
    app = buildPortalApp(config, { sessions: createSessionStore() });
    const jar = new Map<string, string>();
    const firstTab = await login(jar);
    const secondTab = await login(jar);
    expect(secondTab.get('state')).not.toBe(firstTab.get('state'));

    const signedIn = await callback(jar, firstTab);
    expect(signedIn.statusCode).toBe(302);
    expect(signedIn.headers.location).toBe('/dashboard');
    for (const c of signedIn.cookies) jar.set(c.name, c.value);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const dashboard = await app.inject({ url: '/dashboard', headers: { cookie } });
    expect(dashboard.body).toContain('Marie Tremblay');
  });

  it('uses each state once, and refuses a state this browser never sent', async () => {
    app = buildPortalApp(config, { sessions: createSessionStore() });
    const jar = new Map<string, string>();
    const firstTab = await login(jar);
    await login(jar);
    const forged = new URLSearchParams(firstTab);
    forged.set('state', 'a-state-from-elsewhere');
    expect((await callback(jar, forged)).statusCode).toBe(400);
    const first = await callback(jar, firstTab);
    expect(first.statusCode).toBe(302);
    // The same state again, with the pre-auth cookie as it was: refused.
    expect((await callback(jar, firstTab)).statusCode).toBe(400);
  });
});

/**
 * The OIDC round trip of the portal against a fake issuer served locally (discovery, JWKS, token,
 * userinfo): authorization request parameters, callback checks, session rotation, sign-out.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildPortalApp } from './app.ts';
import { loadPortalConfig, type PortalConfig } from './config.ts';
import { createSessionStore, type SessionStore } from './session-store.ts';
import { type FakeIssuer, startFakeIssuer } from './testing/fake-issuer.ts';

let issuer: FakeIssuer;
let config: PortalConfig;
let app: FastifyInstance;
let sessions: SessionStore;

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

function build(): FastifyInstance {
  sessions = createSessionStore();
  app = buildPortalApp(config, { sessions });
  return app;
}

function sessionCookieOf(response: { cookies: Array<{ name: string; value: string }> }): string {
  const cookie = response.cookies.find((c) => c.name === 'portal_session');
  if (cookie === undefined || cookie.value === '') throw new Error('no portal_session cookie');
  return `portal_session=${cookie.value}`;
}

async function startLogin(headers: Record<string, string> = {}) {
  const response = await app.inject({ url: '/login', headers });
  expect(response.statusCode).toBe(302);
  const location = new URL(String(response.headers.location));
  return { response, location, params: location.searchParams, cookie: sessionCookieOf(response) };
}

function issueCodeFor(params: URLSearchParams, name = 'Marie Tremblay'): string {
  return issuer.issueCode({
    codeChallenge: params.get('code_challenge') ?? '',
    nonce: params.get('nonce') ?? '',
    claims: {
      sub: 'user-1',
      amr: ['pwd', 'otp'],
      acr: 'mfa',
      auth_time: Math.floor(Date.now() / 1000),
    },
    userinfo: { name, email: 'marie@example.com' },
  });
}

describe('GET /login', () => {
  it('redirects to the authorization endpoint with PKCE S256, state, nonce and ui_locales', async () => {
    build();
    const { location, params, response } = await startLogin();
    expect(`${location.origin}${location.pathname}`).toBe(`${issuer.issuer}/auth`);
    expect(params.get('client_id')).toBe('espace-client');
    expect(params.get('response_type')).toBe('code');
    expect(params.get('redirect_uri')).toBe('http://localhost:3001/callback');
    expect(params.get('scope')).toBe('openid profile email');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(params.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(params.get('ui_locales')).toBe('fr');
    const cookie = response.cookies.find((c) => c.name === 'portal_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: true });
  });

  it('passes the current language as ui_locales', async () => {
    build();
    expect((await startLogin({ 'accept-language': 'en-CA' })).params.get('ui_locales')).toBe('en');
    expect((await startLogin({ cookie: 'portal_lang=en' })).params.get('ui_locales')).toBe('en');
  });

  it('uses fresh state, nonce and verifier each time', async () => {
    build();
    const a = (await startLogin()).params;
    const b = (await startLogin()).params;
    for (const name of ['state', 'nonce', 'code_challenge'])
      expect(a.get(name)).not.toBe(b.get(name));
  });
});

describe('GET /callback', () => {
  it('refuses a wrong state with a friendly 400 page, before any token request', async () => {
    build();
    const { params, cookie } = await startLogin();
    const code = issueCodeFor(params);
    const before = issuer.tokenRequests.length;
    const response = await app.inject({
      url: `/callback?code=${code}&state=forged`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain("Nous n'avons pas pu terminer votre connexion.");
    expect(response.body).toContain('href="/"');
    expect(response.body).not.toMatch(/state|OperationProcessingError|at .*\.js/i);
    expect(issuer.tokenRequests.length).toBe(before);
  });

  it('refuses a callback without a sign-in in progress', async () => {
    build();
    const response = await app.inject('/callback?code=abc&state=xyz');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Votre session a expiré');
  });

  it('shows the cancelled page when the issuer returns an error', async () => {
    build();
    const { params, cookie } = await startLogin();
    const state = params.get('state') ?? '';
    const response = await app.inject({
      url: `/callback?error=access_denied&state=${state}`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('La connexion a été annulée ou refusée.');
  });

  it('refuses a code bound to another PKCE challenge', async () => {
    build();
    const { params, cookie } = await startLogin();
    const code = issuer.issueCode({
      codeChallenge: 'A'.repeat(43),
      nonce: params.get('nonce') ?? '',
      claims: { sub: 'user-1' },
    });
    const before = issuer.tokenRequests.length;
    const response = await app.inject({
      url: `/callback?code=${code}&state=${params.get('state')}`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(400);
    // The portal did redeem the code with its verifier; the issuer refused it.
    expect(issuer.tokenRequests.length).toBe(before + 1);
    expect(issuer.tokenRequests.at(-1)?.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses an ID token with another nonce', async () => {
    build();
    const { params, cookie } = await startLogin();
    const code = issuer.issueCode({
      codeChallenge: params.get('code_challenge') ?? '',
      nonce: 'another-nonce',
      claims: { sub: 'user-1' },
    });
    const response = await app.inject({
      url: `/callback?code=${code}&state=${params.get('state')}`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(400);
    expect(sessions.size).toBe(0);
  });

  it('signs in: rotates the session, greets the client, and the pre-auth session cannot be replayed', async () => {
    build();
    const { params, cookie: preAuthCookie } = await startLogin();
    const callbackUrl = `/callback?code=${issueCodeFor(params)}&state=${params.get('state')}`;
    const response = await app.inject({ url: callbackUrl, headers: { cookie: preAuthCookie } });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/dashboard');
    const cookie = sessionCookieOf(response);
    expect(cookie).not.toBe(preAuthCookie);
    expect(sessions.size).toBe(1);

    const dashboard = await app.inject({ url: '/dashboard', headers: { cookie } });
    expect(dashboard.body).toContain('<h1>Bonjour, Marie Tremblay</h1>');
    expect(dashboard.body).toContain("Votre connexion a utilisé l'authentification multifacteur.");
    expect(
      (await app.inject({ url: '/dashboard', headers: { cookie: preAuthCookie } })).statusCode,
    ).toBe(302);

    const replay = await app.inject({ url: callbackUrl, headers: { cookie: preAuthCookie } });
    expect(replay.statusCode).toBe(400);
  });
});

describe('POST /logout after a real sign-in', () => {
  it('ends the local session and sends the browser to end-session with id_token_hint', async () => {
    build();
    const { params, cookie: preAuthCookie } = await startLogin();
    const signedIn = await app.inject({
      url: `/callback?code=${issueCodeFor(params)}&state=${params.get('state')}`,
      headers: { cookie: preAuthCookie },
    });
    const cookie = sessionCookieOf(signedIn);
    const dashboard = await app.inject({ url: '/dashboard', headers: { cookie } });
    const csrf = /name="csrf" value="([^"]+)"/.exec(dashboard.body)?.[1] ?? '';

    const response = await app.inject({
      method: 'POST',
      url: '/logout',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `csrf=${encodeURIComponent(csrf)}`,
    });
    expect(response.statusCode).toBe(303);
    const location = new URL(String(response.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(`${issuer.issuer}/session/end`);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe('http://localhost:3001/');
    expect(location.searchParams.get('id_token_hint')?.split('.')).toHaveLength(3);
    expect(location.searchParams.get('client_id')).toBe('espace-client');
    expect(response.cookies.find((c) => c.name === 'portal_session')?.value).toBe('');
    expect(sessions.size).toBe(0);
    expect((await app.inject({ url: '/dashboard', headers: { cookie } })).statusCode).toBe(302);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPortalApp, type PortalDeps } from './app.ts';
import { loadPortalConfig } from './config.ts';
import type { PortalOidcClient } from './oidc-client.ts';
import { createSessionStore, type SessionStore, type SignedInUser } from './session-store.ts';

const config = loadPortalConfig({
  PORTAL_CLIENT_SECRET: 'test-secret',
  SESAME_ISSUER: 'http://id.test:3000/oidc',
  SESAME_ACCOUNT_URL: 'http://id.test:3000/account',
});

/** Route tests that never reach the issuer: any call to it is a test failure. */
const unreachableOidc: PortalOidcClient = {
  buildAuthorizationRequest: () => Promise.reject(new Error('issuer not expected')),
  finishSignIn: () => Promise.reject(new Error('issuer not expected')),
  buildEndSessionUrl: () => Promise.reject(new Error('issuer not expected')),
};

const marie: SignedInUser = {
  sub: 'user-1',
  name: 'Marie Tremblay',
  email: 'marie@example.com',
  amr: ['pwd', 'otp'],
  acr: 'urn:sesame:mfa',
  authTime: 1_760_000_000,
  idToken: 'header.payload.signature',
};

let app: FastifyInstance;
afterEach(() => app?.close());

function build(deps: PortalDeps = {}): FastifyInstance {
  app = buildPortalApp(config, { oidc: unreachableOidc, ...deps });
  return app;
}

function signedIn(): { sessions: SessionStore; cookie: string; csrfToken: string } {
  const sessions = createSessionStore();
  const session = sessions.create({ user: marie });
  return { sessions, cookie: `portal_session=${session.id}`, csrfToken: session.csrfToken };
}

const EXPECTED_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self' http://id.test:3000; " +
  "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

describe('home page', () => {
  it('is in French by default, with a « Me connecter » link to /login', async () => {
    const response = await build().inject('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toMatch(/^<!doctype html><html lang="fr-CA">/);
    expect(response.body).toContain('Espace client');
    expect(response.body).toMatch(
      /<a class="button button--primary" href="\/login">Me connecter<\/a>/,
    );
  });

  it('is in English when Accept-Language prefers it', async () => {
    const response = await build().inject({
      url: '/',
      headers: { 'accept-language': 'en-CA,en;q=0.8,fr;q=0.5' },
    });
    expect(response.body).toContain('<html lang="en-CA">');
    expect(response.body).toContain('>Sign in</a>');
    expect(response.body).not.toContain('Me connecter');
  });

  it('follows the portal_lang cookie over Accept-Language', async () => {
    const response = await build().inject({
      url: '/',
      headers: { 'accept-language': 'en', cookie: 'portal_lang=fr' },
    });
    expect(response.body).toContain('Me connecter');
  });

  it('sends a signed-in client to the dashboard', async () => {
    const { sessions, cookie } = signedIn();
    const response = await build({ sessions }).inject({ url: '/', headers: { cookie } });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/dashboard');
  });
});

describe('?lang=', () => {
  it('sets portal_lang and redirects to the same path without the parameter', async () => {
    build();
    const response = await app.inject('/?lang=en');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    const cookie = response.cookies.find((c) => c.name === 'portal_lang');
    expect(cookie).toMatchObject({ value: 'en', path: '/', httpOnly: true, sameSite: 'Lax' });
    const home = await app.inject({ url: '/', headers: { cookie: 'portal_lang=en' } });
    expect(home.body).toContain('>Sign in</a>');
  });

  it('keeps the other query parameters', async () => {
    const response = await build().inject('/dashboard?a=1&lang=fr&b=2');
    expect(response.headers.location).toBe('/dashboard?a=1&b=2');
  });

  it('ignores an unsupported language but still drops the parameter', async () => {
    const response = await build().inject('/?lang=de');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    expect(response.cookies).toEqual([]);
  });

  it('never redirects off-site', async () => {
    build();
    for (const url of [
      '//evil.example/?lang=en',
      '/.//evil.example?lang=en',
      '/\\evil.example?lang=en',
    ]) {
      const response = await app.inject(url);
      const location = String(response.headers.location ?? '');
      expect(location.startsWith('//') || location.includes('evil.example')).toBe(false);
    }
  });
});

describe('dashboard', () => {
  it('redirects to / without a session', async () => {
    const response = await build().inject('/dashboard');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
  });

  it('redirects to / with an unknown session id', async () => {
    const response = await build().inject({
      url: '/dashboard',
      headers: { cookie: 'portal_session=forged' },
    });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
  });

  it('greets the client by name and shows accounts in fr-CA dollars', async () => {
    const { sessions, cookie, csrfToken } = signedIn();
    const response = await build({ sessions }).inject({ url: '/dashboard', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h1>Bonjour, Marie Tremblay</h1>');
    const fmt = new Intl.NumberFormat('fr-CA', { style: 'currency', currency: 'CAD' });
    expect(response.body).toContain(fmt.format(34_826.17));
    expect(response.body).toContain('Avis de cotisation');
    expect(response.body).toContain('Relevé mensuel');
    expect(response.body).toContain(
      '<a class="button button--secondary" href="http://id.test:3000/account">Sécurité</a>',
    );
    expect(response.body).toContain('<form class="signout" method="post" action="/logout"');
    expect(response.body).toContain(`name="csrf" value="${csrfToken}"`);
    expect(response.body).toContain('Me déconnecter');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('is complete in English, in en-CA dollars', async () => {
    const { sessions, cookie } = signedIn();
    const response = await build({ sessions }).inject({
      url: '/dashboard',
      headers: { cookie: `${cookie}; portal_lang=en` },
    });
    expect(response.body).toContain('<h1>Hello, Marie Tremblay</h1>');
    expect(response.body).toContain(
      new Intl.NumberFormat('en-CA', { style: 'currency', currency: 'CAD' }).format(34_826.17),
    );
    expect(response.body).toContain('>Sign out</button>');
    expect(response.body).toContain('Notice of assessment');
  });

  it('escapes the name from the ID token', async () => {
    const sessions = createSessionStore();
    const session = sessions.create({ user: { ...marie, name: '<script>alert(1)</script>' } });
    const response = await build({ sessions }).inject({
      url: '/dashboard',
      headers: { cookie: `portal_session=${session.id}` },
    });
    expect(response.body).not.toContain('<script>');
    expect(response.body).toContain('&lt;script>');
  });
});

describe('POST /logout', () => {
  it('is refused (403) without a CSRF token', async () => {
    const { sessions, cookie } = signedIn();
    const response = await build({ sessions }).inject({
      method: 'POST',
      url: '/logout',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('href="/"');
    expect(sessions.size).toBe(1);
  });

  it('is refused (403) with a wrong CSRF token', async () => {
    const { sessions, cookie, csrfToken } = signedIn();
    const response = await build({ sessions }).inject({
      method: 'POST',
      url: '/logout',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `csrf=${csrfToken.slice(0, -1)}A`,
    });
    expect(response.statusCode).toBe(403);
    expect(sessions.size).toBe(1);
  });

  it("is refused (403) with another session's token or without a session", async () => {
    const { sessions, csrfToken } = signedIn();
    const other = sessions.create({ user: marie });
    build({ sessions });
    for (const cookie of [`portal_session=${other.id}`, '']) {
      const response = await app.inject({
        method: 'POST',
        url: '/logout',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `csrf=${csrfToken}`,
      });
      expect(response.statusCode).toBe(403);
    }
    expect(sessions.size).toBe(2);
  });

  it('with the right token, ends the session and goes home when the issuer is unreachable', async () => {
    const { sessions, cookie, csrfToken } = signedIn();
    const response = await build({ sessions }).inject({
      method: 'POST',
      url: '/logout',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `csrf=${csrfToken}`,
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    expect(sessions.size).toBe(0);
  });
});

describe('errors', () => {
  it('shows a friendly 404 page', async () => {
    const response = await build().inject('/nope');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain("Cette page n'existe pas.");
  });

  it('never leaks the details of a 5xx', async () => {
    const failing: PortalOidcClient = {
      ...unreachableOidc,
      buildAuthorizationRequest: () =>
        Promise.reject(new Error('ECONNREFUSED secret-internal-host:5432')),
    };
    const response = await build({ oidc: failing }).inject('/login');
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('Un problème est survenu');
    expect(response.body).not.toMatch(/ECONNREFUSED|secret-internal-host|at .*\.ts/);
  });

  it('answers a bad request body with a generic 4xx page', async () => {
    const { sessions, cookie } = signedIn();
    const response = await build({ sessions }).inject({
      method: 'POST',
      url: '/logout',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{"csrf":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).not.toContain('JSON');
  });
});

describe('security headers', () => {
  it.each([
    ['GET', '/'],
    ['GET', '/?lang=en'],
    ['GET', '/dashboard'],
    ['GET', '/healthz'],
    ['GET', '/assets/portal.css'],
    ['GET', '/callback'],
    ['GET', '/missing'],
    ['POST', '/logout'],
  ])('are on %s %s', async (method, url) => {
    const response = await build().inject({ method: method as 'GET' | 'POST', url });
    expect(response.headers['content-security-policy']).toBe(EXPECTED_CSP);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('are on the signed-in dashboard too, with no-store', async () => {
    const { sessions, cookie } = signedIn();
    const response = await build({ sessions }).inject({ url: '/dashboard', headers: { cookie } });
    expect(response.headers['content-security-policy']).toBe(EXPECTED_CSP);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('include HSTS when the portal is served over https', async () => {
    app = buildPortalApp(
      { ...config, publicUrl: 'https://client.example.com' },
      { oidc: unreachableOidc },
    );
    const response = await app.inject('/');
    expect(response.headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });
});

describe('assets and health', () => {
  it('serves the stylesheet, cacheable', async () => {
    const response = await build().inject('/assets/portal.css');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
    expect(response.body).toContain('.site-header');
  });

  it('answers /healthz', async () => {
    const response = await build().inject('/healthz');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});

import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPortalApp, type PortalDeps } from './app.ts';
import type { PortalOidcClient } from './oidc-client.ts';
import { createSessionStore } from './session-store.ts';
import { marie, signedIn, testConfig, unreachableOidc } from './testing/portal-test-kit.ts';

let app: FastifyInstance;
afterEach(() => app?.close());

function build(deps: PortalDeps = {}): FastifyInstance {
  app = buildPortalApp(testConfig, { oidc: unreachableOidc, ...deps });
  return app;
}

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

  it('leaves unknown paths to the 404 page', async () => {
    const response = await build().inject('/nope?lang=en');
    expect(response.statusCode).toBe(404);
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

import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { authorizeUrl, openSignIn } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { newBrowser } from '../../test/sign-in-kit.ts';

type Route = (t: TestApp) => Promise<LightMyRequestResponse>;

/** Pages that take part in signing in: never stored by a browser or a proxy. */
const authPages: Record<string, Route> = {
  'sign-in page': async (t) => (await openSignIn(newBrowser(t))).page,
  'sign-in failure': async (t) => {
    const browser = newBrowser(t);
    const { action, csrf } = await openSignIn(browser);
    return browser.post(action, { csrf, username: 'nobody', password: 'wrong password' });
  },
  'expired sign-in error page': (t) => newBrowser(t).get('/interaction/no-such-interaction'),
  'CSRF error page': async (t) => {
    const browser = newBrowser(t);
    const { action } = await openSignIn(browser);
    return browser.post(action, { csrf: 'forged', username: 'x', password: 'y' });
  },
  '/oidc/auth redirect': (t) => newBrowser(t).get(authorizeUrl().url),
  '/oidc/auth error page': (t) =>
    newBrowser(t).get(authorizeUrl({ redirect_uri: 'https://evil.example/' }).url),
  '/oidc/token error': async (t) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/oidc/token',
      payload: 'grant_type=authorization_code&code=nope',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    return response;
  },
  '/oidc/session/end page': (t) => newBrowser(t).get('/oidc/session/end?client_id=espace-client'),
  '/account': (t) => newBrowser(t).get('/account'),
};

const otherRoutes: Record<string, Route> = {
  '404 page': (t) => newBrowser(t).get('/no/such/page'),
  '404 JSON': (t) => t.app.inject({ url: '/no/such/api', headers: { accept: 'application/json' } }),
  '/oidc discovery': (t) => t.app.inject({ url: '/oidc/.well-known/openid-configuration' }),
  '/oidc/jwks': (t) => t.app.inject({ url: '/oidc/jwks' }),
  '/healthz': (t) => t.app.inject({ url: '/healthz' }),
  '/readyz': (t) => t.app.inject({ url: '/readyz' }),
  '/assets/sesame.css': (t) => t.app.inject({ url: '/assets/sesame.css' }),
  '/ (redirect)': (t) => t.app.inject({ url: '/' }),
};

const everyRoute = { ...authPages, ...otherRoutes };

/** The CSP as a map of directive → sources. */
function parseCsp(header: unknown): Map<string, string[]> {
  expect(typeof header).toBe('string');
  const directives = new Map<string, string[]>();
  for (const part of String(header).split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

describe.each(testBackends())('security headers on every route (G-36) (%s)', (backend) => {
  let t: TestApp;
  afterEach(() => t.close());

  describe('over http (development)', () => {
    it.each(Object.entries(everyRoute))('%s', async (_name, route) => {
      t = await buildTestApp(backend);
      const response = await route(t);
      const csp = parseCsp(response.headers['content-security-policy']);
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      const scripts = csp.get('script-src') ?? [];
      expect(scripts.some((s) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(s))).toBe(true);
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect([
        'no-referrer',
        'same-origin',
        'strict-origin',
        'strict-origin-when-cross-origin',
      ]).toContain(response.headers['referrer-policy']);
      expect(response.headers['strict-transport-security']).toBeUndefined();
    });

    it.each(Object.entries(authPages))('%s is not cached', async (_name, route) => {
      t = await buildTestApp(backend);
      const response = await route(t);
      expect(String(response.headers['cache-control'])).toContain('no-store');
    });

    it('uses a fresh nonce on every response', async () => {
      t = await buildTestApp(backend);
      const nonces = new Set<string>();
      for (let i = 0; i < 5; i += 1) {
        const response = await t.app.inject({ url: '/healthz' });
        const csp = String(response.headers['content-security-policy']);
        nonces.add(/'nonce-([^']+)'/.exec(csp)?.[1] ?? '');
      }
      expect(nonces.size).toBe(5);
      expect(nonces.has('')).toBe(false);
    });
  });

  describe('over https', () => {
    it.each(Object.entries(everyRoute))(
      '%s carries HSTS for at least a year',
      async (_name, route) => {
        t = await buildTestApp(backend, { SESAME_PUBLIC_URL: 'https://id.example.ca' });
        const response = await route(t);
        const hsts = String(response.headers['strict-transport-security']);
        const maxAge = Number(/max-age=(\d+)/.exec(hsts)?.[1]);
        expect(maxAge).toBeGreaterThanOrEqual(31_536_000);
        expect(hsts).toContain('includeSubDomains');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
      },
    );
  });
});

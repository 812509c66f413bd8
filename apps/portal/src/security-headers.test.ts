/** G-36: the security headers are on every response, errors and redirects included. */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPortalApp, type PortalDeps } from './app.ts';
import { signedIn, testConfig, unreachableOidc } from './testing/portal-test-kit.ts';

const EXPECTED_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self' http://id.test:3000; " +
  "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

let app: FastifyInstance;
afterEach(() => app?.close());

function build(deps: PortalDeps = {}): FastifyInstance {
  app = buildPortalApp(testConfig, { oidc: unreachableOidc, ...deps });
  return app;
}

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
      { ...testConfig, publicUrl: 'https://client.example.com' },
      { oidc: unreachableOidc },
    );
    const response = await app.inject('/');
    expect(response.headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });
});

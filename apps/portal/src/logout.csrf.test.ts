/** G-29: sign-out is a POST that needs the CSRF token bound to the session. */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPortalApp, type PortalDeps } from './app.ts';
import { marie, signedIn, testConfig, unreachableOidc } from './testing/portal-test-kit.ts';

let app: FastifyInstance;
afterEach(() => app?.close());

function build(deps: PortalDeps = {}): FastifyInstance {
  app = buildPortalApp(testConfig, { oidc: unreachableOidc, ...deps });
  return app;
}

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
      // Change the last character for sure (a fixed replacement equals it one time in 64).
      payload: `csrf=${csrfToken.slice(0, -1)}${csrfToken.endsWith('A') ? 'B' : 'A'}`,
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

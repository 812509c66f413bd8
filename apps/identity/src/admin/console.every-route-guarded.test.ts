/**
 * Every route under `/admin` is behind the console's gate (issue 9's "a test that walks the
 * route table, so a new route can't forget it"): it walks the app's own route table, not a
 * list kept by hand. Signed out: sent to sign in (a GET) or refused; a client signed in with two
 * factors: 403; the help desk: 403 wherever a route does not open itself to it; an administrator
 * passes; and every form refuses a request without the console's token (G-29). On both backends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { consoleUser, signInToConsole } from '../../test/console-kit.ts';

/** The console's sign-in itself: the only `/admin` routes open to anyone. */
const publicRoutes = new Set([
  'GET /admin/sign-in',
  'GET /admin/callback',
  'GET /admin/signed-out',
]);

describe.each(testBackends())('every console route is guarded (%s)', (backend) => {
  let t: TestApp;
  let targetId: string;
  const browsers: Record<'client' | 'helpdesk' | 'admin', BrowserSession> = {} as never;
  beforeAll(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: false });
    for (const [username, role] of [
      ['client', null],
      ['helpdesk', 'helpdesk'],
      ['admin', 'admin'],
    ] as const) {
      const user = await consoleUser(t, username, role);
      browsers[username] = (await signInToConsole(t, user)).browser;
    }
    targetId = await t.createUser({ username: 'cible', password: 'avenue du Parc 4521 Montréal' });
  });
  afterAll(() => t.close());

  const consoleRoutes = () =>
    t.app.routeTable.filter(
      (route) =>
        (route.url === '/admin' || route.url.startsWith('/admin/')) &&
        // The admin API has a gate of its own (admin-api.every-route-guarded.test.ts).
        !route.url.startsWith('/admin/api/') &&
        route.method !== 'HEAD' &&
        !publicRoutes.has(`${route.method} ${route.url}`),
    );
  const call = (browser: BrowserSession, method: string, url: string, form = {}) => {
    const path = url.replace(':id', targetId);
    return method === 'GET' ? browser.get(path) : browser.post(path, form);
  };

  it('finds the console’s routes in the table (the walk is not empty)', () => {
    const urls = consoleRoutes().map((route) => `${route.method} ${route.url}`);
    expect(urls).toContain('GET /admin/users');
    expect(urls).toContain('POST /admin/users/:id/reset-mfa');
    expect(urls.length).toBeGreaterThanOrEqual(8);
  });

  it('signed out: a page sends to the sign-in, anything else is refused', async () => {
    for (const route of consoleRoutes()) {
      const response = await call(
        new BrowserSession(t.app, t.config.publicUrl),
        route.method,
        route.url,
      );
      if (route.method === 'GET') {
        expect(response.statusCode, route.url).toBe(303);
        expect(String(response.headers.location), route.url).toMatch(/^\/admin\/sign-in\?return=/);
      } else expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });

  it('a client signed in with two factors is refused everywhere', async () => {
    for (const route of consoleRoutes()) {
      const response = await call(browsers.client, route.method, route.url, { csrf: 'x' });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });

  it('the help desk is refused wherever a route is not opened to it', async () => {
    for (const route of consoleRoutes().filter((r) => r.adminRole !== 'helpdesk')) {
      const response = await call(browsers.helpdesk, route.method, route.url, { csrf: 'x' });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
    for (const route of consoleRoutes().filter(
      (r) => r.method === 'GET' && r.adminRole === 'helpdesk',
    )) {
      const response = await call(browsers.helpdesk, route.method, route.url);
      expect(response.statusCode, route.url).not.toBe(403);
    }
  });

  it('an administrator passes the gate, and every form wants the console’s token', async () => {
    for (const route of consoleRoutes().filter((r) => r.method === 'GET')) {
      const response = await call(browsers.admin, route.method, route.url);
      expect(response.statusCode, route.url).toBeLessThan(400);
    }
    for (const route of consoleRoutes().filter((r) => r.method !== 'GET')) {
      for (const form of [{}, { csrf: 'not-the-token' }]) {
        const response = await call(browsers.admin, route.method, route.url, form);
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
        expect(response.body, route.url).toContain('formulaire a expiré');
      }
    }
    // Nothing was done by the refused forms.
    const audit = await t.db
      .selectFrom('audit_events')
      .select('type')
      .where('account_id', '=', targetId)
      .where('actor', 'like', 'admin:%')
      .execute();
    expect(audit).toEqual([]);
  });
});

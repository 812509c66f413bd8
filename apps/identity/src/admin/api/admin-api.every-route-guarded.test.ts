/**
 * Every admin API route is behind the API's gate, found by walking the app's own route table
 * (a route added later is in the walk without being listed): each names the scope it needs; no
 * token, a malformed, unknown, revoked or expired one gets 401 (and says how to authenticate);
 * a token without the route's scope gets 403. The console's cookie opens nothing here. Both
 * backends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, makeApiTokenInConsole } from '../../../test/api-token-kit.ts';
import type { BrowserSession } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { consoleUser, signInToConsole } from '../../../test/console-kit.ts';
import { openApiPath } from './admin-api-routes.ts';
import { apiScopes } from './api-scopes.ts';

describe.each(testBackends())('every admin API route is guarded (%s)', (backend) => {
  let t: TestApp;
  let console: BrowserSession;
  beforeAll(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: false });
    const admin = await consoleUser(t, 'ariane', 'admin');
    console = (await signInToConsole(t, admin)).browser;
  });
  afterAll(() => t.close());

  const apiRoutes = () =>
    t.app.routeTable.filter(
      (route) =>
        route.url.startsWith('/admin/api/') && route.method !== 'HEAD' && route.url !== openApiPath,
    );
  const call = (token: string | undefined, method: string, url: string) =>
    callApi(
      t,
      token,
      method as 'GET',
      url.replace(':id', 'someone'),
      method === 'GET' ? undefined : {},
    );

  it('finds the API’s routes, each naming its scope', () => {
    const routes = apiRoutes();
    expect(routes.map((r) => `${r.method} ${r.url}`)).toContain('POST /admin/api/users');
    for (const route of routes)
      expect(apiScopes, `${route.method} ${route.url}`).toContain(route.apiScope);
  });

  it('refuses every route without a valid token, saying how to authenticate', async () => {
    const revoked = await makeApiTokenInConsole(t, console, [...apiScopes], { name: 'révoqué' });
    const list = await console.get('/admin/api-tokens');
    const id = /action="\/admin\/api-tokens\/([^/]+)\/revoke"/.exec(list.body)?.[1] as string;
    const csrf = /name="csrf" value="([^"]+)"/.exec(list.body)?.[1] as string;
    expect((await console.post(`/admin/api-tokens/${id}/revoke`, { csrf })).statusCode).toBe(303);
    for (const route of apiRoutes())
      for (const token of [undefined, 'not a token', `sesame_${'x'.repeat(43)}`, revoked]) {
        const response = await call(token, route.method, route.url);
        expect(response.statusCode, `${route.method} ${route.url} ${token}`).toBe(401);
        expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
      }
  });

  it('refuses a token without the route’s scope', async () => {
    for (const scope of apiScopes) {
      const others = apiScopes.filter((s) => s !== scope);
      const token = await makeApiTokenInConsole(t, console, others, { name: `sans ${scope}` });
      for (const route of apiRoutes().filter((r) => r.apiScope === scope)) {
        const response = await call(token, route.method, route.url);
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
      }
    }
  });

  it('gives nothing to the console’s own cookie', async () => {
    for (const route of apiRoutes().filter((r) => r.method === 'GET')) {
      const response = await console.get(route.url.replace(':id', 'someone'));
      expect(response.statusCode, route.url).toBe(401);
    }
  });

  // Last: it moves the clock past the console's session too.
  it('refuses a token once it has expired', async () => {
    const token = await makeApiTokenInConsole(t, console, [...apiScopes], { days: 1 });
    expect((await callApi(t, token, 'GET', '/admin/api/users')).statusCode).toBe(200);
    t.clock.advance(24 * 3600 + 1);
    for (const route of apiRoutes())
      expect((await call(token, route.method, route.url)).statusCode, route.url).toBe(401);
  });
});

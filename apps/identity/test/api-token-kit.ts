/**
 * Admin API tokens in tests: made as an administrator makes them, in the console's « Jetons
 * d'API » form, and the API called with them over `inject()`.
 */
import type { LightMyRequestResponse } from 'fastify';
import { type BrowserSession, hiddenField } from './browser-session.ts';
import type { TestApp } from './build-test-app.ts';

export async function makeApiTokenInConsole(
  t: TestApp,
  console: BrowserSession,
  scopes: string[],
  options: { name?: string; days?: number } = {},
): Promise<string> {
  const page = await console.get('/admin/api-tokens');
  if (page.statusCode !== 200)
    throw new Error(`no token page: ${page.statusCode} ${page.headers.location}`);
  const body = new URLSearchParams({
    csrf: hiddenField(page.body, 'csrf'),
    name: options.name ?? 'RH',
    days: String(options.days ?? 90),
  });
  for (const scope of scopes) body.append('scopes', scope);
  const made = await console.request('POST', '/admin/api-tokens', body.toString(), {
    'content-type': 'application/x-www-form-urlencoded',
    origin: new URL(t.config.publicUrl).origin,
  });
  const token = /data-testid="api-token">([^<]+)</.exec(made.body)?.[1];
  if (token === undefined) throw new Error(`no token made: ${made.statusCode}`);
  return token;
}

/** One admin API request with `token` (none: without an Authorization header). */
export function callApi(
  t: TestApp,
  token: string | undefined,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: {
      accept: 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

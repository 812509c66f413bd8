/**
 * Helpers shared by the security-invariant tests: audit trail reads, a browser seen from another
 * client address, wrong-password guesses, and the client side of the code exchange.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { AuditRecord } from '../src/audit/record-audit-event.ts';
import { BrowserSession, openSignIn, portalRedirectUri, signIn } from './browser-session.ts';
import type { TestApp } from './build-test-app.ts';

export const clientId = 'espace-client';
export const clientSecret = 'portal-test-secret';

/** Every audit event, oldest first. */
export async function auditEvents(t: TestApp): Promise<AuditRecord[]> {
  return t.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
}

/** How many `sign_in.failed` events (or events of `type`) carry each reason. */
export async function failureReasons(
  t: TestApp,
  type: AuditRecord['type'] = 'sign_in.failed',
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const event of await auditEvents(t)) {
    if (event.type !== type) continue;
    const reason = event.reason ?? 'none';
    counts[reason] = (counts[reason] ?? 0) + 1;
  }
  return counts;
}

/** The app as seen from another client address (`inject`'s `remoteAddress`). */
export function fromAddress(app: FastifyInstance, remoteAddress: string): FastifyInstance {
  return new Proxy(app, {
    get(target, property, receiver) {
      if (property !== 'inject') return Reflect.get(target, property, receiver);
      return (options: InjectOptions) => target.inject({ ...options, remoteAddress });
    },
  });
}

/** A successful sign-in ends in a 303 to the client carrying a code. */
export function gotCode(response: { statusCode: number; headers: Record<string, unknown> }) {
  const location = response.headers.location;
  return response.statusCode === 303 && typeof location === 'string' && location.includes('code=');
}

/** A fresh browser (own cookie jar, own interaction), optionally from another address. */
export function newBrowser(
  t: TestApp,
  options: { remoteAddress?: string; headers?: Record<string, string> } = {},
): BrowserSession {
  const app = options.remoteAddress ? fromAddress(t.app, options.remoteAddress) : t.app;
  return new BrowserSession(app, t.config.publicUrl, options.headers ?? {});
}

/** One password attempt in a fresh browser; returns the final response. */
export async function attempt(
  t: TestApp,
  username: string,
  password: string,
  options: { remoteAddress?: string; headers?: Record<string, string> } = {},
) {
  const { response } = await signIn(newBrowser(t, options), username, password);
  return response;
}

/** A sign-in page kept open, to post several attempts to one interaction. */
export async function openForm(browser: BrowserSession) {
  const { action, csrf } = await openSignIn(browser);
  return (username: string, password: string, headers: Record<string, string> = {}) =>
    browser.post(action, { csrf, username, password }, headers);
}

/** The authorization code of a successful sign-in, with its PKCE verifier. */
export async function signInForCode(
  browser: BrowserSession,
  username: string,
  password: string,
  params: Record<string, string> = {},
) {
  const { response, verifier } = await signIn(browser, username, password, params);
  const code = new URL(String(response.headers.location)).searchParams.get('code');
  if (response.statusCode !== 303 || code === null) {
    throw new Error(`no code: ${response.statusCode} ${response.body.slice(0, 200)}`);
  }
  return { code, verifier };
}

export function basicAuth(id = clientId, secret = clientSecret): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

/** A request to the token endpoint, authenticated as the portal unless told otherwise. */
export async function tokenRequest(
  app: FastifyInstance,
  form: Record<string, string>,
  authorization: string | null = basicAuth(),
) {
  const response = await app.inject({
    method: 'POST',
    url: '/oidc/token',
    payload: new URLSearchParams(form).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(authorization === null ? {} : { authorization }),
    },
  });
  return { status: response.statusCode, body: response.json() as Record<string, string> };
}

export function redeemCode(app: FastifyInstance, code: string, verifier: string) {
  return tokenRequest(app, {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: portalRedirectUri,
  });
}

export async function userinfoStatus(app: FastifyInstance, accessToken: string): Promise<number> {
  const response = await app.inject({
    method: 'GET',
    url: '/oidc/me',
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return response.statusCode;
}

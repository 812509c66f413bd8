import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorizeUrl, type BrowserSession, openSignIn } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { auditEvents, newBrowser, signInForCode } from '../../test/sign-in-kit.ts';
import { findFlow } from './queries.ts';

const password = 'rivière gelée 2026';
/**
 * The flow cookie: one per sign-in, scoped to that sign-in's pages (`/interaction/<uid>`), so
 * `__Secure-` rather than `__Host-` (which requires Path=/), G-45.
 */
const flowCookieName = '__Secure-sesame-flow';

type SetCookie = {
  name: string;
  value: string;
  path?: string;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: string;
  maxAge?: number;
};

type Jar = Pick<BrowserSession, 'cookies' | 'scopedCookies'>;

function flowCookieOf(jar: Jar): string | undefined {
  return [...jar.scopedCookies.values()].find((c) => c.name === flowCookieName)?.value;
}

/** A copy of a browser's cookies as they are now. */
function snapshot(browser: BrowserSession): Jar {
  return { cookies: new Map(browser.cookies), scopedCookies: new Map(browser.scopedCookies) };
}

function cookiesOf(response: { cookies: unknown[] }): SetCookie[] {
  return response.cookies as SetCookie[];
}

/** A browser holding only the given cookies of another one (and, from a snapshot, all of them). */
function browserWith(
  t: TestApp,
  from: Map<string, string> | Jar,
  names?: string[],
): BrowserSession {
  const copy = newBrowser(t);
  const root = from instanceof Map ? from : from.cookies;
  for (const name of names ?? [...root.keys()]) copy.cookies.set(name, root.get(name) as string);
  if (!(from instanceof Map)) for (const [k, v] of from.scopedCookies) copy.scopedCookies.set(k, v);
  return copy;
}

describe.each(testBackends())('session rotation and cookies (G-25, G-26) (%s)', (backend) => {
  let t: TestApp;
  let accountId: string;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    accountId = await t.createUser({
      username: 'claire.tremblay',
      email: 'claire@example.ca',
      name: 'Claire Tremblay',
      password,
    });
  });
  afterEach(() => t.close());

  it('sets the flow cookie with __Secure-, Secure, HttpOnly, its sign-in path, SameSite=Lax and an opaque value', async () => {
    const { page, action } = await openSignIn(newBrowser(t));
    const flow = cookiesOf(page).find((c) => c.name === flowCookieName);
    const uid = action.split('/')[2] as string;
    expect(flow).toMatchObject({ path: `/interaction/${uid}`, httpOnly: true, secure: true });
    expect(flow?.sameSite?.toLowerCase()).toBe('lax');
    // 32 random bytes, base64url: nothing about the person, nothing guessable.
    expect(flow?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('replaces the flow cookie after the password step; the old one no longer works', async () => {
    const browser = newBrowser(t);
    const { action, csrf } = await openSignIn(browser);
    const before = snapshot(browser);
    const done = await browser.post(action, { csrf, username: 'claire.tremblay', password });
    expect(done.statusCode).toBe(303);
    const replaced = cookiesOf(done).find((c) => c.name === flowCookieName);
    expect(replaced?.value ?? '').not.toBe(flowCookieOf(before));
    expect(flowCookieOf(browser)).not.toBe(flowCookieOf(before));

    // The same cookies as before the step, replayed (e.g. stolen or from another tab).
    const replay = browserWith(t, before);
    const again = await replay.post(action, { csrf, username: 'claire.tremblay', password });
    expect(again.statusCode).toBe(400);
    expect(again.headers.location).toBeUndefined();
    expect((await auditEvents(t)).length).toBe(1);
  });

  it('rotates the flow cookie when a second factor follows; the old one no longer works', async () => {
    const mfa = await buildTestApp(backend, {}, { orgMfaRequired: true });
    try {
      await mfa.createUser({ username: 'claire.tremblay', password });
      const browser = newBrowser(mfa);
      const { action, csrf } = await openSignIn(browser);
      const before = snapshot(browser);
      const done = await browser.post(action, { csrf, username: 'claire.tremblay', password });
      expect(done.headers.location).toBe(action.replace(/\/login$/, '/enroll'));
      const rotated = cookiesOf(done).find((c) => c.name === flowCookieName);
      expect(rotated?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(rotated?.value).not.toBe(flowCookieOf(before));
      const uid = action.split('/')[2] as string;
      expect(rotated).toMatchObject({ path: `/interaction/${uid}`, httpOnly: true, secure: true });

      // The stored flow answers to the new token only.
      const oldToken = flowCookieOf(before) as string;
      expect(
        await findFlow(mfa.db, { id: uid, host: 'interaction' }, oldToken, mfa.clock.now),
      ).toBeUndefined();
      expect(
        await findFlow(mfa.db, { id: uid, host: 'interaction' }, rotated?.value, mfa.clock.now),
      ).toMatchObject({
        stepsDone: [{ step: 'password' }],
      });
      // The old cookie, replayed: no longer a flow of this interaction.
      const replay = browserWith(mfa, before);
      const again = await replay.post(action, { csrf, username: 'claire.tremblay', password });
      expect(again.statusCode).toBe(400);
      expect(await mfa.db.selectFrom('audit_events').select('id').execute()).toHaveLength(1);
    } finally {
      await mfa.close();
    }
  });

  it("gives oidc-provider's session a new id at each sign-in and invalidates the old one", async () => {
    const browser = newBrowser(t);
    await signInForCode(browser, 'claire.tremblay', password);
    const first = new Map(browser.cookies);
    expect(first.get('__Host-sesame-session')).toBeTruthy();

    await signInForCode(browser, 'CLAIRE.TREMBLAY', password, { prompt: 'login' });
    const second = new Map(browser.cookies);
    expect(second.get('__Host-sesame-session')).toBeTruthy();
    expect(second.get('__Host-sesame-session')).not.toBe(first.get('__Host-sesame-session'));

    // Silent authorization (prompt=none) with each session cookie, in a browser of its own.
    const silently = async (cookies: Map<string, string>) => {
      const response = await browserWith(t, cookies, [
        '__Host-sesame-session',
        '__Host-sesame-session.sig',
      ]).get(authorizeUrl({ prompt: 'none' }).url);
      return new URL(String(response.headers.location)).searchParams;
    };
    expect((await silently(first)).get('error')).toBe('login_required');
    expect((await silently(second)).get('code')).toBeTruthy();
  });

  it("keeps oidc-provider's session cookie HttpOnly, Path=/, SameSite=Lax, without personal data", async () => {
    const browser = newBrowser(t);
    const { action, csrf } = await openSignIn(browser);
    const posted = await browser.post(action, { csrf, username: 'claire.tremblay', password });
    const resumed = await browser.get(String(posted.headers.location));
    const session = cookiesOf(resumed).find((c) => c.name === '__Host-sesame-session');
    expect(session).toMatchObject({ path: '/', httpOnly: true });
    expect(session?.sameSite?.toLowerCase()).toBe('lax');
    expect(session?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const c of cookiesOf(resumed)) {
      for (const personal of ['claire', 'Tremblay', 'example.ca', accountId]) {
        expect(decodeURIComponent(c.value)).not.toContain(personal);
      }
    }
  });
});

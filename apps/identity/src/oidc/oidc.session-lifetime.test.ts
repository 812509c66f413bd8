/**
 * G-27: the single sign-on session ends 12 h after the sign-in however busy the browser is
 * (absolute), and after an hour without use (idle); the refresh tokens bound to it end with it.
 *
 * Two clocks move together here: Sesame's (the test app's `clock`, which the storage adapter uses
 * for row expiry) and the process's `Date`, which oidc-provider reads for the session's sign-in
 * time (`loginTs`) and its expiry. In production both are the same clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authorizeUrl, type BrowserSession } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import {
  gotCode,
  newBrowser,
  redeemCode,
  signInForCode,
  tokenRequest,
} from '../../test/sign-in-kit.ts';

const password = 'aurore boréale 1989';
const minutes = 60;
const hours = 3600;

describe.each(testBackends())('single sign-on session lifetime (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    await t.createUser({ username: 'gaston', password });
    vi.useFakeTimers({ toFake: ['Date'], now: t.clock.now });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await t.close();
  });

  /** Both clocks, forward. */
  function advance(seconds: number): void {
    t.clock.advance(seconds);
    vi.setSystemTime(t.clock.now);
  }

  /** A new authorization in this browser: a code straight away (single sign-on), or the sign-in page. */
  async function authorize(browser: BrowserSession): Promise<'code' | 'sign-in page'> {
    const response = await browser.follow(await browser.get(authorizeUrl().url));
    if (gotCode(response)) return 'code';
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/action="[^"]+\/login"/);
    return 'sign-in page';
  }

  async function signedIn() {
    const browser = newBrowser(t);
    const { code, verifier } = await signInForCode(browser, 'gaston', password);
    const tokens = await redeemCode(t.app, code, verifier);
    expect(tokens.status).toBe(200);
    return { browser, refreshToken: tokens.body.refresh_token as string };
  }

  /** An authorization every 50 minutes, never idle: single sign-on each time. */
  async function keepActiveUntil(browser: BrowserSession, elapsedSeconds: number) {
    for (let elapsed = 50 * minutes; elapsed <= elapsedSeconds; elapsed += 50 * minutes) {
      advance(50 * minutes);
      expect(await authorize(browser)).toBe('code');
    }
  }

  function refresh(refreshToken: string) {
    return tokenRequest(t.app, { grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  it('ends 12 h after the sign-in, however often the browser uses it', async () => {
    const { browser, refreshToken } = await signedIn();
    await keepActiveUntil(browser, 11 * hours + 40 * minutes);
    const stillValid = await refresh(refreshToken);
    expect(stillValid.status).toBe(200);

    advance(25 * minutes); // 12 h 05 after the sign-in
    expect(await authorize(browser)).toBe('sign-in page');
    // The refresh token was bound to that session: it ends with it.
    const afterEnd = await refresh(stillValid.body.refresh_token as string);
    expect(afterEnd).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('ends after an hour without use', async () => {
    const { browser } = await signedIn();
    advance(59 * minutes);
    expect(await authorize(browser)).toBe('code');
    advance(61 * minutes);
    expect(await authorize(browser)).toBe('sign-in page');
  });

  it('counts the 12 h from the latest sign-in: signing in again (prompt=login) starts anew', async () => {
    const { browser } = await signedIn();
    await keepActiveUntil(browser, 11 * hours + 40 * minutes);
    await signInForCode(browser, 'gaston', password, { prompt: 'login' });
    advance(50 * minutes); // 12 h 30 after the first sign-in, 50 minutes after the second
    expect(await authorize(browser)).toBe('code');
  });
});

/**
 * G-43: RP-initiated sign-out goes through without asking only when its `id_token_hint` is this
 * browser's own: the account signed in here, a client it signed in to, this very sign-in. Any
 * other hint (someone else's ID token in a link, an old token of the same person) gets the
 * confirmation page, and the session stays until the person confirms.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authorizeUrl, type BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { gotCode, newBrowser, redeemCode, signInForCode } from '../../test/sign-in-kit.ts';
import { isOwnSignOut } from './own-sign-out.ts';

const postLogoutRedirectUri = 'http://localhost:3001/';
const autoSubmit = "document.getElementById('sign-out').click();";

describe.each(testBackends())('sign-out asks unless it is yours (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    await t.createUser({ username: 'zoe', password: 'pluie de novembre 44' });
    await t.createUser({ username: 'yann', password: 'neige de décembre 55' });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await t.close();
  });

  const passwords: Record<string, string> = {
    zoe: 'pluie de novembre 44',
    yann: 'neige de décembre 55',
  };

  /** A browser signed in as `username`, with the ID token its client received. */
  async function signedIn(username: string) {
    const browser = newBrowser(t);
    const { code, verifier } = await signInForCode(browser, username, passwords[username] ?? '');
    const tokens = await redeemCode(t.app, code, verifier);
    return { browser, idToken: tokens.body.id_token as string };
  }

  async function hasSession(browser: BrowserSession): Promise<boolean> {
    return gotCode(await browser.follow(await browser.get(authorizeUrl().url)));
  }

  /** What a sign-out link carrying `idToken` shows in `browser`. */
  function openSignOut(browser: BrowserSession, idToken: string) {
    const query = new URLSearchParams({
      id_token_hint: idToken,
      post_logout_redirect_uri: postLogoutRedirectUri,
    });
    return browser.get(`/oidc/session/end?${query}`);
  }

  /** The sign-out form's submission, as the page's button (or its script) sends it. */
  function confirm(browser: BrowserSession, page: { body: string }) {
    const action = /id="op.logoutForm" method="post" action="([^"]+)"/.exec(page.body)?.[1];
    return browser.post(new URL(action ?? '', t.config.publicUrl).pathname, {
      xsrf: hiddenField(page.body, 'xsrf'),
      logout: 'yes',
    });
  }

  it("asks, and keeps the session, when the hint is another account's ID token", async () => {
    const a = await signedIn('zoe');
    const b = await signedIn('yann');

    const page = await openSignOut(a.browser, b.idToken);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Voulez-vous vous déconnecter de Sesame ?');
    expect(page.body).not.toContain(autoSubmit);
    expect(page.body).not.toContain('<script');

    expect(await hasSession(a.browser)).toBe(true);
    expect(await hasSession(b.browser)).toBe(true);
  });

  it('signs out straight away with the session’s own ID token', async () => {
    const a = await signedIn('zoe');
    await signedIn('yann');

    const page = await openSignOut(a.browser, a.idToken);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(autoSubmit);
    // What the page's script does at once.
    const done = await confirm(a.browser, page);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(postLogoutRedirectUri);
    expect(await hasSession(a.browser)).toBe(false);
  });

  it('asks when the hint is the same account’s ID token from another sign-in', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: t.clock.now });
    const elsewhere = await signedIn('zoe');
    // A minute later, on both clocks (oidc-provider's, and Sesame's, which times the steps).
    vi.setSystemTime(Date.now() + 60_000);
    t.clock.advance(60);
    const here = await signedIn('zoe');

    const page = await openSignOut(here.browser, elsewhere.idToken);
    expect(page.body).toContain('Voulez-vous vous déconnecter de Sesame ?');
    expect(page.body).not.toContain(autoSubmit);
    expect(await hasSession(here.browser)).toBe(true);

    // Confirmed by the person, the sign-out goes through.
    expect((await confirm(here.browser, page)).headers.location).toBe(postLogoutRedirectUri);
    expect(await hasSession(here.browser)).toBe(false);
  });
});

describe('isOwnSignOut', () => {
  const session = { accountId: 'acc-1', loginTs: 1_000, clientIds: ['espace-client'] };
  const own = { sub: 'acc-1', aud: 'espace-client', auth_time: 1_000 };

  it('is true only for the session’s account, one of its clients and its sign-in time', () => {
    expect(isOwnSignOut(own, session)).toBe(true);
    expect(isOwnSignOut({ ...own, sub: 'acc-2' }, session)).toBe(false);
    expect(isOwnSignOut({ ...own, aud: 'other-client' }, session)).toBe(false);
    expect(isOwnSignOut({ ...own, aud: ['espace-client'] }, session)).toBe(false);
    expect(isOwnSignOut({ ...own, auth_time: 999 }, session)).toBe(false);
    expect(isOwnSignOut({ sub: 'acc-1', aud: 'espace-client' }, session)).toBe(false);
  });

  it('is false without a hint or without a signed-in session', () => {
    expect(isOwnSignOut(undefined, session)).toBe(false);
    expect(isOwnSignOut(own, { clientIds: [] })).toBe(false);
    expect(isOwnSignOut({ ...own, sub: undefined }, { ...session, accountId: undefined })).toBe(
      false,
    );
  });
});

/**
 * « Se déconnecter partout » on the security page (issue 8 §4, G-28): by a form bound to the
 * session, the account operation ends every provider session of the account — this browser's
 * too —, its grants and tokens, its sign-ins in progress and its remembered browsers, audited with
 * the user as actor; the page says so. Another account's sessions stay. Over HTTP, both backends.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import {
  accountCsrf,
  idTokenClaims,
  rememberingAccount,
  signedIn,
  signInWith,
} from '../../test/security-page-kit.ts';
import { auditEvents, userinfoStatus } from '../../test/sign-in-kit.ts';

describe.each(testBackends())('signing out everywhere (%s)', (backend) => {
  let t: TestApp;
  let lea: Awaited<ReturnType<typeof rememberingAccount>>;
  let omar: Awaited<ReturnType<typeof rememberingAccount>>;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    lea = await rememberingAccount(t, 'lea');
    omar = await rememberingAccount(t, 'omar');
  });
  afterEach(() => t.close());

  async function signInAs(username: string, code: () => string, remember = false) {
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const { response, verifier } = await signInWith(browser, { username, code, remember });
    const { tokens } = await idTokenClaims(t, response, verifier);
    t.clock.advance(30);
    return { browser, tokens };
  }

  it('ends every session, token and remembered browser of the account, and says so', async () => {
    const here = await signInAs('lea', lea.code, true);
    const phone = await signInAs('lea', lea.code);
    const other = await signInAs('omar', omar.code);
    const page = await here.browser.get('/account');
    expect(page.body).toContain('Se déconnecter partout');
    const done = await here.browser.post('/account/sign-out-everywhere', {
      csrf: await accountCsrf(here.browser),
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Déconnecté partout');
    expect(done.body).toContain('role="status"');
    // Both of the account's browsers are signed out, and its tokens no longer work.
    expect(await signedIn(here.browser)).toBe(false);
    expect(await signedIn(phone.browser)).toBe(false);
    expect(await userinfoStatus(t.app, String(here.tokens.access_token))).toBe(401);
    expect(await userinfoStatus(t.app, String(phone.tokens.access_token))).toBe(401);
    const rows = await t.db.selectFrom('remembered_browsers').select('revoked_at').execute();
    expect(rows.every((row) => row.revoked_at !== null)).toBe(true);
    // Another account's session stays.
    expect(await signedIn(other.browser)).toBe(true);
    expect(await userinfoStatus(t.app, String(other.tokens.access_token))).toBe(200);
    const events = (await auditEvents(t)).filter((e) => e.type === 'account.signed_out_everywhere');
    expect(events).toMatchObject([{ account_id: lea.accountId, actor: `user:${lea.accountId}` }]);
  });

  it('leaves nothing of the account at the provider: sessions, grants, codes, tokens', async () => {
    const here = await signInAs('lea', lea.code);
    await signInAs('lea', lea.code);
    await here.browser.post('/account/sign-out-everywhere', {
      csrf: await accountCsrf(here.browser),
    });
    const left = await t.db
      .selectFrom('oidc_models')
      .select('model')
      .where('account_id', '=', lea.accountId)
      .execute();
    expect(left).toEqual([]);
  });

  it('does nothing for a forged form, another site, or no session', async () => {
    const here = await signInAs('lea', lea.code);
    const path = '/account/sign-out-everywhere';
    expect((await here.browser.post(path, { csrf: 'forged' })).statusCode).toBe(403);
    const csrf = await accountCsrf(here.browser);
    const crossSite = await here.browser.post(path, { csrf }, { origin: 'https://evil.example' });
    expect(crossSite.statusCode).toBe(403);
    // Another browser's token is not this one's (bound to the session).
    const other = await signInAs('omar', omar.code);
    expect((await other.browser.post(path, { csrf })).statusCode).toBe(403);
    const none = new BrowserSession(t.app, t.config.publicUrl);
    expect((await none.post(path, { csrf })).statusCode).toBe(303);
    expect(await signedIn(here.browser)).toBe(true);
    expect(await signedIn(other.browser)).toBe(true);
    const events = (await auditEvents(t)).map((e) => e.type);
    expect(events).not.toContain('account.signed_out_everywhere');
  });
});

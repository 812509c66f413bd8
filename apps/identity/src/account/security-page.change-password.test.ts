/**
 * « Changer le mot de passe » on the security page (issue 8 §4, G-28): the current password is
 * checked like a sign-in's, the new one by the password policy; the change is the account
 * operation with the user as actor; every other session, token and sign-in in progress ends,
 * while this browser — its provider session and the grant it signed in to the portal with —
 * stays signed in. Over HTTP, on both backends.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { passwordStep } from '../../test/mfa-kit.ts';
import {
  accountCsrf,
  idTokenClaims,
  rememberingAccount,
  rememberPassword,
  signedIn,
  signInWith,
} from '../../test/security-page-kit.ts';
import { auditEvents, userinfoStatus } from '../../test/sign-in-kit.ts';

const newPassword = 'traversier Lévis 1812 au petit matin';

describe.each(testBackends())('changing the password from the security page (%s)', (backend) => {
  let t: TestApp;
  let lea: Awaited<ReturnType<typeof rememberingAccount>>;
  let here: BrowserSession;
  let elsewhere: BrowserSession;
  let hereToken: string;
  let elsewhereToken: string;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    lea = await rememberingAccount(t, 'lea');
    const signInFor = async () => {
      const browser = new BrowserSession(t.app, t.config.publicUrl);
      const { response, verifier } = await signInWith(browser, { username: 'lea', code: lea.code });
      const { tokens } = await idTokenClaims(t, response, verifier);
      t.clock.advance(30);
      return { browser, accessToken: String(tokens.access_token) };
    };
    ({ browser: here, accessToken: hereToken } = await signInFor());
    ({ browser: elsewhere, accessToken: elsewhereToken } = await signInFor());
  });
  afterEach(() => t.close());

  const change = async (form: Record<string, string>) =>
    here.post('/account/password', { csrf: await accountCsrf(here), ...form });
  const passwordChanges = async () =>
    (await auditEvents(t)).filter((e) => e.type === 'account.password_changed');
  const passwordWorks = async (password: string) => {
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    return passwordStep(browser, 'lea', password).then(
      () => true,
      () => false,
    );
  };

  it('shows the form in French and English, with the policy’s minimum', async () => {
    const fr = await here.get('/account/password');
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('Changer le mot de passe');
    expect(fr.body).toContain('Au moins 8 caractères');
    expect(fr.body).toContain('autocomplete="current-password"');
    const en = await here.follow(await here.get('/account/password?lang=en'));
    expect(en.body).toContain('Current password');
  });

  it('refuses a wrong current password, a weak new one, and a forged form, changing nothing', async () => {
    const wrong = await change({ current: 'not the password', password: newPassword });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("Le mot de passe actuel n'est pas le bon.");
    const short = await change({ current: rememberPassword, password: 'court' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('au moins 8 caractères');
    const common = await change({ current: rememberPassword, password: 'password1234' });
    expect(common.statusCode).toBe(400);
    const named = await change({ current: rememberPassword, password: 'lea sesame 2026 !' });
    expect(named.statusCode).toBe(400);
    const forged = await here.post('/account/password', {
      csrf: 'forged',
      current: rememberPassword,
      password: newPassword,
    });
    expect(forged.statusCode).toBe(403);
    const signedOut = new BrowserSession(t.app, t.config.publicUrl);
    const anonymous = await signedOut.post('/account/password', {
      current: rememberPassword,
      password: newPassword,
    });
    expect(anonymous.statusCode).toBe(303);
    expect(await passwordChanges()).toHaveLength(0);
    expect(await passwordWorks(rememberPassword)).toBe(true);
    expect(await signedIn(elsewhere)).toBe(true);
  });

  it('sets the new password, signs out every other browser and keeps this one signed in', async () => {
    // A sign-in in progress elsewhere, past its password.
    const pending = new BrowserSession(t.app, t.config.publicUrl);
    const { location } = await passwordStep(pending, 'lea', rememberPassword);
    const done = await change({ current: rememberPassword, password: newPassword });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account?password=1');
    // This browser: still signed in, told so.
    const page = await here.get('/account?password=1');
    expect(page.body).toContain('Votre mot de passe a été changé.');
    expect(await signedIn(here)).toBe(true);
    expect(await userinfoStatus(t.app, hereToken)).toBe(200);
    // Every other one: signed out, its tokens revoked, its sign-in in progress ended (G-28).
    expect(await signedIn(elsewhere)).toBe(false);
    expect(await userinfoStatus(t.app, elsewhereToken)).toBe(401);
    const resumed = await pending.follow(await pending.get(location));
    expect(resumed.body).toContain('Votre page de connexion a expiré');
    // The old password no longer signs in; the new one does.
    expect(await passwordWorks(rememberPassword)).toBe(false);
    expect(await passwordWorks(newPassword)).toBe(true);
    expect(await passwordChanges()).toMatchObject([
      { account_id: lea.accountId, actor: `user:${lea.accountId}` },
    ]);
  });
});

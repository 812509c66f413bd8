/**
 * G-20, user presence and verification: every ceremony needs the user present (UP); as a second
 * factor after the password a key without user verification (UV = 0) still passes, proving
 * possession only (`hwk`, no `user`), and with it `user` too; a sign-in without password needs
 * UV (UV = 0 is one factor only, refused), and then proves two factors (`mfa`, acr 2fa).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { interactionPath, passwordStep } from '../../../test/mfa-kit.ts';
import {
  answerPage,
  enrollPasskey,
  enrollPasskeyAccount,
  idTokenClaims,
  passkeySignInPage,
  type SoftwareAuthenticator,
  softwareAuthenticator,
} from '../../../test/passkey-kit.ts';
import { gotCode } from '../../../test/sign-in-kit.ts';
import { setPasskeySignIn } from './passkey-sign-in-setting.ts';

const password = 'sirop d’érable 1608';

describe.each(testBackends())('passkeys: user presence and verification (G-20) (%s)', (backend) => {
  let t: TestApp;
  let key: SoftwareAuthenticator;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'mathilde', password });
    key = softwareAuthenticator(t.config.publicUrl);
  });
  afterEach(() => t.close());

  /** At the second-factor page after the password, answered by `key` with `overrides`. */
  async function secondFactor(overrides: Parameters<SoftwareAuthenticator['assert']>[1] = {}) {
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const { location, verifier } = await passwordStep(browser, 'mathilde', password);
    const page = await browser.follow(await browser.get(interactionPath(location)));
    expect(page.body).toContain('data-webauthn="get"');
    const { action, fields } = answerPage(page.body, key, overrides);
    return { response: await browser.follow(await browser.post(action, fields)), verifier };
  }

  it('refuses a registration without user presence', async () => {
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(browser, 'mathilde', password)).location);
    const { response } = await enrollPasskey(browser, base, key, { userPresent: false });
    expect(response.statusCode).toBe(400);
    expect(await t.db.selectFrom('webauthn_credentials').selectAll().execute()).toEqual([]);
  });

  it('as a second factor: UP required; UV=0 proves the key only, UV=1 the user too', async () => {
    await enrollPasskeyAccount(t, 'mathilde', password, key);
    const absent = await secondFactor({ userPresent: false });
    expect(absent.response.statusCode).toBe(401);
    const withoutUv = await secondFactor({ userVerified: false });
    expect(gotCode(withoutUv.response)).toBe(true);
    const claimsWithoutUv = await idTokenClaims(t, withoutUv.response, withoutUv.verifier);
    expect(claimsWithoutUv.amr?.sort()).toEqual(['hwk', 'pwd']);
    expect(claimsWithoutUv.acr).toBe('urn:sesame:loa:2fa');
    const withUv = await secondFactor({ userVerified: true });
    expect((await idTokenClaims(t, withUv.response, withUv.verifier)).amr?.sort()).toEqual([
      'hwk',
      'pwd',
      'user',
    ]);
  });

  it('a synced passkey proves a software key (swk), and its backup flags are kept', async () => {
    key = softwareAuthenticator(t.config.publicUrl, { synced: true });
    await enrollPasskeyAccount(t, 'mathilde', password, key);
    const row = await t.db.selectFrom('webauthn_credentials').selectAll().executeTakeFirstOrThrow();
    expect([row.device_type, row.backed_up]).toEqual(['multiDevice', 1]);
    const { response, verifier } = await secondFactor();
    expect((await idTokenClaims(t, response, verifier)).amr?.sort()).toEqual([
      'pwd',
      'swk',
      'user',
    ]);
  });

  it('without password: UV=0 is refused, UV=1 signs in with two factors', async () => {
    await enrollPasskeyAccount(t, 'mathilde', password, key);
    await setPasskeySignIn(t.db, true);
    const first = await passkeySignInPage(t);
    const unverified = answerPage(first.page.body, key, { userVerified: false });
    const refused = await first.browser.post(unverified.action, unverified.fields);
    expect(refused.statusCode).toBe(401);
    const second = await passkeySignInPage(t);
    const verified = answerPage(second.page.body, key, { userVerified: true });
    const response = await second.browser.follow(
      await second.browser.post(verified.action, verified.fields),
    );
    expect(gotCode(response)).toBe(true);
    const claims = await idTokenClaims(t, response, second.verifier);
    expect(claims.amr?.sort()).toEqual(['hwk', 'mfa', 'user']);
    expect(claims.acr).toBe('urn:sesame:loa:2fa');
  });
});

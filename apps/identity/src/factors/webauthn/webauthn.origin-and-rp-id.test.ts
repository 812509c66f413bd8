/**
 * G-20, origin and RP ID: exact, from the configured public URL and never from the request. An
 * answer made for another origin (another site, the same host on another port, another scheme)
 * or for another RP ID is refused at registration, as a second factor, and without password.
 */
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { interactionPath, passwordStep } from '../../../test/mfa-kit.ts';
import {
  type AnswerOverrides,
  answerPage,
  ceremonyForm,
  enrollPasskey,
  enrollPasskeyAccount,
  passkeySignInPage,
  type SoftwareAuthenticator,
  softwareAuthenticator,
} from '../../../test/passkey-kit.ts';
import { auditEvents } from '../../../test/sign-in-kit.ts';
import { setPasskeySignIn } from './passkey-sign-in-setting.ts';

const password = 'tourtière de Noël 1534';
const publicUrl = 'https://id.caisse.example:8443';

const wrong: Record<string, AnswerOverrides> = {
  'another site': { origin: 'https://phishing.example' },
  'another port': { origin: 'https://id.caisse.example' },
  'another scheme': { origin: 'http://id.caisse.example:8443' },
  'a parent domain as RP ID': { rpId: 'caisse.example' },
  'another RP ID': { rpId: 'phishing.example' },
};

describe.each(testBackends())('passkeys: exact origin and RP ID (G-20) (%s)', (backend) => {
  let t: TestApp;
  let key: SoftwareAuthenticator;
  beforeEach(async () => {
    t = await buildTestApp(backend, { SESAME_PUBLIC_URL: publicUrl }, { orgMfaRequired: true });
    await t.createUser({ username: 'olivier', password });
    key = softwareAuthenticator(publicUrl);
  });
  afterEach(() => t.close());

  async function atEnrollment(headers: Record<string, string> = {}) {
    const browser = new BrowserSession(t.app, publicUrl, headers);
    const base = interactionPath((await passwordStep(browser, 'olivier', password)).location);
    return { browser, base };
  }

  it('names the RP ID of the public URL, whatever Host the request says', async () => {
    const { browser, base } = await atEnrollment({ host: 'phishing.example' });
    const page = await browser.get(`${base}/enroll/passkey`);
    const { options } = ceremonyForm<PublicKeyCredentialCreationOptionsJSON>(page.body);
    expect(options.rp.id).toBe('id.caisse.example');
  });

  it.each(Object.entries(wrong))('refuses a registration for %s', async (_name, overrides) => {
    const { browser, base } = await atEnrollment();
    const { response } = await enrollPasskey(browser, base, key, overrides);
    expect(response.statusCode).toBe(400);
    expect(await t.db.selectFrom('webauthn_credentials').selectAll().execute()).toEqual([]);
  });

  it('refuses a second factor or a sign-in without password answered for another origin or RP ID', async () => {
    await enrollPasskeyAccount(t, 'olivier', password, key);
    await setPasskeySignIn(t.db, true);
    for (const overrides of Object.values(wrong)) {
      // Past any lock of the failures before: each refusal below is the check's, not a limit's.
      t.clock.advance(3601);
      const browser = new BrowserSession(t.app, publicUrl);
      const { location } = await passwordStep(browser, 'olivier', password);
      const page = await browser.follow(await browser.get(interactionPath(location)));
      const answer = answerPage(page.body, key, overrides);
      expect((await browser.post(answer.action, answer.fields)).statusCode).toBe(401);
      const signIn = await passkeySignInPage(t);
      const direct = answerPage(signIn.page.body, key, overrides);
      expect((await signIn.browser.post(direct.action, direct.fields)).statusCode).toBe(401);
    }
    const reasons = (await auditEvents(t))
      .filter((e) => e.type === 'sign_in.second_factor_failed')
      .map((e) => e.reason);
    expect(reasons).toEqual(Object.values(wrong).map(() => 'invalid'));
    // The same key, for the right origin and RP ID, passes.
    t.clock.advance(3601);
    const browser = new BrowserSession(t.app, publicUrl);
    const { location } = await passwordStep(browser, 'olivier', password);
    const page = await browser.follow(await browser.get(interactionPath(location)));
    const answer = answerPage(page.body, key);
    expect((await browser.post(answer.action, answer.fields)).statusCode).toBe(303);
  });
});

/**
 * « Se connecter avec une clé d'accès »: offered only where the organization allows it; it follows
 * the password step's rules — only at that step of the flow, one answer for an unknown key and a
 * locked account (G-11, G-41), failures counted per account — and a passkey that verified its
 * user completes the sign-in without the password.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, openSignIn } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { interactionPath } from '../../../test/mfa-kit.ts';
import {
  answerPage,
  enrollPasskeyAccount,
  idTokenClaims,
  passkeySignInPage,
  type SoftwareAuthenticator,
  softwareAuthenticator,
} from '../../../test/passkey-kit.ts';
import { gotCode } from '../../../test/sign-in-kit.ts';
import { setAccountLocked } from '../../accounts/queries.ts';
import { accountPolicy } from '../../security/attempt-policy.ts';
import { setPasskeySignIn } from './passkey-sign-in-setting.ts';

const password = 'ceinture fléchée 1776';

describe.each(testBackends())('sign-in with a passkey, without password (%s)', (backend) => {
  let t: TestApp;
  let key: SoftwareAuthenticator;
  let accountId: string;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    accountId = await t.createUser({ username: 'noemie', password });
    key = softwareAuthenticator(t.config.publicUrl);
    await enrollPasskeyAccount(t, 'noemie', password, key);
  });
  afterEach(() => t.close());

  async function signInWith(k: SoftwareAuthenticator) {
    const { browser, page, verifier } = await passkeySignInPage(t);
    const answer = answerPage(page.body, k);
    const response = await browser.follow(await browser.post(answer.action, answer.fields));
    return { response, verifier };
  }

  it('is not offered, nor accepted, unless the organization allows it', async () => {
    const { browser, page } = await passkeySignInPage(t);
    expect(page.body).not.toContain('data-webauthn');
    const base = interactionPath(/action="([^"]+)\/login"/.exec(page.body)?.[1]);
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const posted = await browser.post(`${base}/passkey`, {
      csrf,
      challengeId: 'x',
      assertion: '{}',
    });
    expect(posted.statusCode).toBe(404);
  });

  it('signs in without the password', async () => {
    await setPasskeySignIn(t.db, true);
    const { response, verifier } = await signInWith(key);
    expect(gotCode(response)).toBe(true);
    const claims = await idTokenClaims(t, response, verifier);
    expect(claims.sub).toBeDefined();
    expect(claims.amr).not.toContain('pwd');
  });

  it('gives an unknown key and a locked account the same answer', async () => {
    await setPasskeySignIn(t.db, true);
    const unknown = await signInWith(softwareAuthenticator(t.config.publicUrl));
    await setAccountLocked(t.db, accountId, true, t.clock.now);
    const locked = await signInWith(key);
    expect([unknown.response.statusCode, locked.response.statusCode]).toEqual([401, 401]);
    const page = (body: string) =>
      body.replace(/nonce="[^"]*"/g, '').replace(/\/interaction\/[^"/]+/g, '/interaction/…');
    expect(page(locked.response.body)).toBe(page(unknown.response.body));
    expect(gotCode(locked.response)).toBe(false);
  });

  it('runs only at the flow’s password step', async () => {
    await setPasskeySignIn(t.db, true);
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const { page } = await openSignIn(browser);
    const answer = answerPage(page.body, key);
    // The password first, in the same flow: the flow is then at its second factor.
    const base = interactionPath(answer.action);
    // The refusal page's language toggle (a GET of the form's address) leads back to the sign-in page.
    const toggle = await browser.get(answer.action);
    expect([toggle.statusCode, toggle.headers.location]).toEqual([303, base]);
    await browser.post(`${base}/login`, {
      csrf: answer.fields.csrf as string,
      username: 'noemie',
      password,
    });
    const verify = await browser.follow(await browser.get(base));
    const csrf = /name="csrf" value="([^"]+)"/.exec(verify.body)?.[1] ?? '';
    const late = await browser.post(answer.action, { ...answer.fields, csrf });
    expect(late.statusCode).toBe(303);
    expect(String(late.headers.location)).toBe(base);
  });

  it('counts failures against the account, as its second factor does', async () => {
    await setPasskeySignIn(t.db, true);
    for (let i = 0; i < accountPolicy.failuresPerLock; i += 1) {
      const { browser, page } = await passkeySignInPage(t);
      const answer = answerPage(page.body, key, { userVerified: false });
      expect((await browser.post(answer.action, answer.fields)).statusCode).toBe(401);
    }
    // Locked for a while now: even a right answer is refused.
    const { response } = await signInWith(key);
    expect(response.statusCode).toBe(401);
  });
});

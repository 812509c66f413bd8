/**
 * G-20, the challenge: at least 128 random bits, made and kept by the server, bound to its flow
 * and account, answered once — any answer, right or wrong, uses it up, and of two answers sent at
 * the same moment one counts — and dead after five minutes. For each ceremony: registration, the
 * second factor, and the sign-in without password.
 */
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { interactionPath, passwordStep } from '../../../test/mfa-kit.ts';
import {
  answerPage,
  ceremonyForm,
  enrollPasskeyAccount,
  passkeySignInPage,
  type SoftwareAuthenticator,
  softwareAuthenticator,
} from '../../../test/passkey-kit.ts';
import { auditEvents } from '../../../test/sign-in-kit.ts';
import { setPasskeySignIn } from './passkey-sign-in-setting.ts';

const password = 'poutine du dimanche 1957';

describe.each(testBackends())('passkey challenges are single use (G-20) (%s)', (backend) => {
  let t: TestApp;
  let key: SoftwareAuthenticator;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'gabriel', password });
    key = softwareAuthenticator(t.config.publicUrl);
    await enrollPasskeyAccount(t, 'gabriel', password, key);
  });
  afterEach(() => t.close());

  /** A browser past the password, on the second-factor page. */
  async function atPasskeyPage() {
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const { location } = await passwordStep(browser, 'gabriel', password);
    const page = await browser.follow(await browser.get(interactionPath(location)));
    return { browser, page };
  }

  const successes = async () =>
    (await auditEvents(t)).filter((e) => e.type === 'sign_in.second_factor_succeeded').length;

  it('counts one of two answers posted at the same moment', async () => {
    const { browser, page } = await atPasskeyPage();
    const { action, fields } = answerPage(page.body, key);
    const responses = await Promise.all([
      browser.post(action, fields),
      browser.post(action, fields),
    ]);
    const passed = responses.filter(
      (r) => r.statusCode === 303 && /\/oidc\//.test(String(r.headers.location)),
    );
    expect(passed).toHaveLength(1);
    expect(await successes()).toBe(1);
  });

  it('is used up by a wrong answer: the right one after it is refused', async () => {
    const { browser, page } = await atPasskeyPage();
    const wrong = answerPage(page.body, key, { origin: 'https://elsewhere.example' });
    expect((await browser.post(wrong.action, wrong.fields)).statusCode).toBe(401);
    const right = answerPage(page.body, key);
    expect((await browser.post(right.action, right.fields)).statusCode).toBe(401);
    expect(await successes()).toBe(0);
  });

  it('dies after five minutes', async () => {
    const { browser, page } = await atPasskeyPage();
    t.clock.advance(301);
    const late = answerPage(page.body, key);
    const response = await browser.post(late.action, late.fields);
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('La demande a expiré');
  });

  it('serves only the flow it was made for', async () => {
    const a = await atPasskeyPage();
    const b = await atPasskeyPage();
    const forA = answerPage(a.page.body, key);
    const inB = answerPage(b.page.body, key);
    // A's challenge and answer, sent with B's flow: refused, and A's challenge is left alone.
    const crossed = {
      ...inB.fields,
      challengeId: forA.fields.challengeId as string,
      assertion: forA.fields.assertion as string,
    };
    expect((await b.browser.post(inB.action, crossed)).statusCode).toBe(401);
    const own = await a.browser.post(forA.action, forA.fields);
    expect(own.statusCode).toBe(303);
    expect(await successes()).toBe(1);
  });

  it('carries 256 random bits, new for each page', async () => {
    const challenges = await Promise.all(
      [1, 2, 3].map(
        async () =>
          ceremonyForm<{ challenge: string }>((await atPasskeyPage()).page.body).options.challenge,
      ),
    );
    for (const challenge of challenges)
      expect(Buffer.from(challenge, 'base64url')).toHaveLength(32);
    expect(new Set(challenges).size).toBe(3);
  });

  it('registration: one answer only', async () => {
    await t.createUser({ username: 'lea', password });
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(browser, 'lea', password)).location);
    const page = await browser.get(`${base}/enroll/passkey`);
    const form = ceremonyForm<PublicKeyCredentialCreationOptionsJSON>(page.body);
    const other = softwareAuthenticator(t.config.publicUrl);
    const post = (attestation: unknown) =>
      browser.post(form.action, {
        csrf: form.csrf,
        challengeId: form.challengeId,
        label: 'Clé',
        attestation: JSON.stringify(attestation),
      });
    expect(
      (await post(other.register(form.options, { rpId: 'elsewhere.example' }))).statusCode,
    ).toBe(400);
    expect((await post(other.register(form.options))).statusCode).toBe(400);
    const credentials = await t.db.selectFrom('webauthn_credentials').selectAll().execute();
    expect(credentials).toHaveLength(1);
  });

  it('sign-in without password: one of two answers posted at the same moment', async () => {
    await setPasskeySignIn(t.db, true);
    const { browser, page } = await passkeySignInPage(t);
    const { action, fields } = answerPage(page.body, key);
    const responses = await Promise.all([
      browser.post(action, fields),
      browser.post(action, fields),
    ]);
    expect(responses.filter((r) => r.statusCode === 303)).toHaveLength(1);
    const signIns = (await auditEvents(t)).filter(
      (e) => e.type === 'sign_in.succeeded' && e.reason === 'passkey',
    );
    expect(signIns).toHaveLength(1);
  });
});

/**
 * G-20, the signature counter: each use must report a counter above the last one accepted (when
 * the authenticator counts at all); one that stayed or went back may come from a cloned key — it
 * is refused, and the audit trail says so, naming the authenticator. Keys that never count
 * (always 0, as synced passkeys do) keep working. The backup flags of each use are kept.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { interactionPath, passwordStep } from '../../../test/mfa-kit.ts';
import {
  type AnswerOverrides,
  answerPage,
  enrollPasskeyAccount,
  passkeySignInPage,
  type SoftwareAuthenticator,
  softwareAuthenticator,
} from '../../../test/passkey-kit.ts';
import { auditEvents } from '../../../test/sign-in-kit.ts';
import { setPasskeySignIn } from './passkey-sign-in-setting.ts';

const password = 'caribou des neiges 1763';

describe.each(testBackends())('passkeys: a counter that goes back (G-20) (%s)', (backend) => {
  let t: TestApp;
  let key: SoftwareAuthenticator;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'juliette', password });
    key = softwareAuthenticator(t.config.publicUrl);
    await enrollPasskeyAccount(t, 'juliette', password, key);
  });
  afterEach(() => t.close());

  async function useAsSecondFactor(overrides: AnswerOverrides): Promise<number> {
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const { location } = await passwordStep(browser, 'juliette', password);
    const page = await browser.follow(await browser.get(interactionPath(location)));
    const answer = answerPage(page.body, key, overrides);
    return (await browser.post(answer.action, answer.fields)).statusCode;
  }

  const stored = async () =>
    Number(
      (await t.db.selectFrom('webauthn_credentials').select('sign_count').executeTakeFirstOrThrow())
        .sign_count,
    );
  const regressions = async () =>
    (await auditEvents(t)).filter((e) => e.type === 'passkey.sign_count_regression');

  it('refuses and audits a counter that stayed or went back; a higher one passes', async () => {
    expect(await useAsSecondFactor({ counter: 5 })).toBe(303);
    expect(await stored()).toBe(5);
    expect(await useAsSecondFactor({ counter: 5 })).toBe(401);
    expect(await useAsSecondFactor({ counter: 3 })).toBe(401);
    expect(await stored()).toBe(5);
    const flagged = await regressions();
    const authenticator = await t.db
      .selectFrom('authenticators')
      .select('id')
      .executeTakeFirstOrThrow();
    expect(flagged.map((e) => [e.account_id !== null, e.reason])).toEqual([
      [true, authenticator.id],
      [true, authenticator.id],
    ]);
    expect(await useAsSecondFactor({ counter: 6 })).toBe(303);
    expect(await stored()).toBe(6);
  });

  it('keeps working with a key that never counts (always 0)', async () => {
    for (let i = 0; i < 3; i += 1) expect(await useAsSecondFactor({ counter: 0 })).toBe(303);
    expect(await regressions()).toEqual([]);
  });

  it('refuses and audits it without password too', async () => {
    await setPasskeySignIn(t.db, true);
    expect(await useAsSecondFactor({ counter: 9 })).toBe(303);
    const { browser, page } = await passkeySignInPage(t);
    const answer = answerPage(page.body, key, { counter: 2 });
    expect((await browser.post(answer.action, answer.fields)).statusCode).toBe(401);
    expect(await regressions()).toHaveLength(1);
    expect(await stored()).toBe(9);
  });
});

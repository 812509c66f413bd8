/**
 * G-41, the last gap (found in review): a sign-in whose steps are all done, but whose browser has
 * not yet followed the redirect to oidc-provider's resume URL, ends too when the account is
 * locked, gets a new password or has its MFA reset — the held redirect gives no code, no token,
 * and no internal error, even much later.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, openSignIn } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { enrollAccount, submitCode } from '../../test/mfa-kit.ts';
import { gotCode } from '../../test/sign-in-kit.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { lockAccount } from '../accounts/operations/lock-account.ts';
import { resetMfa } from '../accounts/operations/reset-mfa.ts';
import { setPassword } from '../accounts/operations/set-password.ts';
import { generateTotpCode } from '../factors/totp/totp-code.ts';

const password = 'anse au Foulon 1759';

describe.each(testBackends())('a finished sign-in not yet resumed (G-41) (%s)', (backend) => {
  let t: TestApp;
  let accountId: string;
  let secret: Uint8Array;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    accountId = await t.createUser({ username: 'noel', password });
    secret = await enrollAccount(t, 'noel', password);
  });
  afterEach(() => t.close());

  /** Password and code, then hold the redirect to oidc-provider instead of following it. */
  async function heldResume() {
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const { action, csrf } = await openSignIn(browser);
    const verify = await browser.post(action, { csrf, username: 'noel', password });
    const base = String(verify.headers.location).replace(/\/verify$/, '');
    const { response } = await submitCode(browser, base, generateTotpCode(secret, t.clock.now));
    const resume = String(response.headers.location);
    expect(resume).toContain('/oidc/auth/');
    return { browser, resume };
  }

  const deps = () => ({ db: t.db, now: () => t.clock.now });
  const operations = {
    'a new password': () => setPassword(deps(), cliActor, { accountId, passwordHash: 'x' }),
    'an account recovery (MFA reset, new password)': async () => {
      await resetMfa(deps(), cliActor, { accountId });
      await setPassword(deps(), cliActor, { accountId, passwordHash: 'x' });
    },
    'a lock': () => lockAccount(deps(), cliActor, { accountId }),
  };

  for (const [what, operation] of Object.entries(operations)) {
    it(`gives no code after ${what}`, async () => {
      const { browser, resume } = await heldResume();
      await operation();
      t.clock.advance(30 * 60);
      const final = await browser.follow(await browser.get(resume));
      expect(gotCode(final)).toBe(false);
      expect(final.statusCode).toBeGreaterThanOrEqual(400);
      expect(final.statusCode).toBeLessThan(500);
      const sessions = await t.db
        .selectFrom('oidc_models')
        .select('id')
        .where('model', '=', 'Session')
        .where('account_id', '=', accountId)
        .execute();
      expect(sessions).toEqual([]);
    });
  }
});

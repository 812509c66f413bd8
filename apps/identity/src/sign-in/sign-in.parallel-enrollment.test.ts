/**
 * G-40 under concurrency (found in review, reproduced on PostgreSQL): two flows of one account
 * enrolling at the same moment — the real user and someone who knows the password — add one
 * method between them, never two, whether by a first code or by Sesame Verify's QR link.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { interactionPath, passwordStep } from '../../test/mfa-kit.ts';
import { activateFromApp, openActivationPage } from '../devices/activation-page-kit.ts';
import { generateTotpCode } from '../factors/totp/totp-code.ts';
import { decodeTotpSecret } from '../factors/totp/totp-secret.ts';

const password = 'île d’Orléans 1535';
const rounds = 5;

describe.each(testBackends())('two flows enrolling at once add one method (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'jo', password });
  });
  afterEach(() => t.close());

  const activeMethods = async () =>
    (await t.db.selectFrom('authenticators').select('id').where('status', '=', 'active').execute())
      .length;

  /** A browser at its own pending app's confirmation form, with the code it would type. */
  async function confirmationReady() {
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(browser, 'jo', password)).location);
    const page = await browser.get(`${base}/enroll/other-app`);
    const secret = decodeTotpSecret(/data-secret[^>]*>([^<]+)</.exec(page.body)?.[1] ?? '');
    if (secret === undefined) throw new Error('no secret on the page');
    const form = {
      csrf: hiddenField(page.body, 'csrf'),
      authenticatorId: hiddenField(page.body, 'authenticatorId'),
      code: generateTotpCode(secret, t.clock.now),
    };
    return () => browser.post(`${base}/enroll/other-app`, form);
  }

  it('confirms one of two apps confirmed in parallel', async () => {
    for (let round = 0; round < rounds; round += 1) {
      // Each round afresh: no method, and no failure left by the refused confirmation before.
      await t.db.deleteFrom('authenticators').execute();
      await t.db.deleteFrom('attempt_counters').execute();
      const [real, other] = [await confirmationReady(), await confirmationReady()];
      await Promise.all([real(), other()]);
      expect(await activeMethods()).toBe(1);
    }
  });

  it('registers one of two devices whose QR links are redeemed in parallel', async () => {
    for (let round = 0; round < rounds; round += 1) {
      await t.db.deleteFrom('authenticators').execute();
      const real = await openActivationPage(t, 'jo', password);
      const other = await openActivationPage(t, 'jo', password);
      const answers = await Promise.all([
        activateFromApp(t.app, { token: real.token }),
        activateFromApp(t.app, { token: other.token }),
      ]);
      expect(answers.filter((answer) => answer.statusCode === 201)).toHaveLength(1);
      expect(await activeMethods()).toBe(1);
    }
  });
});

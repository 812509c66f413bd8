/**
 * G-40: the plan is re-read at every step. The hole found in review: a flow left waiting at the
 * enrollment choice (someone who knows the password) could, after the real user enrolled in
 * another browser, press « Terminer » and get tokens saying two factors, or add its own
 * authenticator to the account.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import {
  enrollOtherApp,
  finishEnrollment,
  interactionPath,
  passwordStep,
  submitCode,
} from '../../test/mfa-kit.ts';
import { gotCode } from '../../test/sign-in-kit.ts';
import { generateTotpCode } from '../factors/totp/totp-code.ts';
import { decodeTotpSecret } from '../factors/totp/totp-secret.ts';

const password = 'érable rouge 1867';

describe.each(testBackends())('the plan is re-read at every step (G-40) (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'lea', password });
  });
  afterEach(() => t.close());

  async function atEnrollment() {
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(b, 'lea', password)).location);
    const choose = await b.get(`${base}/enroll`);
    expect(choose.statusCode).toBe(200);
    return { b, base };
  }

  it('a waiting flow gets no token and adds no method after the real user enrolled', async () => {
    const waiting = await atEnrollment();
    // The waiting flow had even started adding its own app (pending, not confirmed).
    const pendingPage = await waiting.b.get(`${waiting.base}/enroll/other-app`);
    const pendingSecret = decodeTotpSecret(
      /data-secret[^>]*>([^<]+)</.exec(pendingPage.body)?.[1] ?? '',
    ) as Uint8Array;

    const real = await atEnrollment();
    const realSecret = await enrollOtherApp(t, real.b, real.base);
    expect(gotCode(await finishEnrollment(real.b, real.base))).toBe(true);
    t.clock.advance(30);

    // « Terminer » in the waiting browser: sent to the second factor, no code.
    const page = await waiting.b.get(`${waiting.base}/enroll/done`);
    expect(page.statusCode).toBe(303);
    const done = await waiting.b.follow(
      await waiting.b.post(`${waiting.base}/enroll/done`, {
        csrf: hiddenField(pendingPage.body, 'csrf'),
      }),
    );
    expect(gotCode(done)).toBe(false);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('name="code"');

    // Confirming its own pending app is refused too: the account has a method now.
    const confirm = await waiting.b.post(`${waiting.base}/enroll/other-app`, {
      csrf: hiddenField(pendingPage.body, 'csrf'),
      authenticatorId: hiddenField(pendingPage.body, 'authenticatorId'),
      code: generateTotpCode(pendingSecret, t.clock.now),
    });
    expect(confirm.statusCode).toBe(303);
    const active = await t.db
      .selectFrom('authenticators')
      .select('id')
      .where('status', '=', 'active')
      .execute();
    expect(active).toHaveLength(1);
    // The new enrollment pages are closed to it as well.
    const another = await waiting.b.get(`${waiting.base}/enroll/other-app`);
    expect(String(another.headers.location)).toBe(waiting.base);

    // What it can do is what anyone must: pass the method that exists.
    const { response } = await submitCode(
      waiting.b,
      waiting.base,
      generateTotpCode(realSecret, t.clock.now),
    );
    expect(response.statusCode).toBe(303);
  });

  it('completes an enrollment only with a method this flow created', async () => {
    const waiting = await atEnrollment();
    // A method appears on the account without this flow (here: made active behind its back).
    const real = await atEnrollment();
    await enrollOtherApp(t, real.b, real.base);
    // The real user leaves without « Terminer »: the method is active all the same.
    const done = await waiting.b.follow(await waiting.b.get(`${waiting.base}/enroll/done`));
    expect(done.body).not.toContain('/enroll/done');
    expect(done.body).toContain('name="code"');
  });
});

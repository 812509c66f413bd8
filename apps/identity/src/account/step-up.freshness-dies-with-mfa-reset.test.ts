/**
 * G-23 / G-41 / ADR 0005 §3, as an attacker sees it: "account operations end the account's flows,
 * and so the proofs". An MFA reset deletes the finished step-ups, but a step-up is also *seeded*
 * from the provider session's own sign-in (its `loginTs` and `amr`), and an MFA reset ends no
 * provider session. So a session that signed in with the method just reset still counts as "a
 * second factor of the last five minutes" afterwards: it removes the method the real user enrolled
 * after the reset without passing any factor of it. Over HTTP, on both backends.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import {
  atSecondFactor,
  enrollAccount,
  enrollOtherApp,
  finishEnrollment,
  interactionPath,
  passwordStep,
  submitCode,
} from '../../test/mfa-kit.ts';
import { gotCode } from '../../test/sign-in-kit.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { resetMfa } from '../accounts/operations/reset-mfa.ts';
import { generateTotpCode } from '../factors/totp/totp-code.ts';

const password = 'côte de la Fabrique 1663 Québec';

describe.each(testBackends())(
  'an MFA reset ends the freshness of second factors passed before it (G-23, G-41) (%s)',
  (backend) => {
    let t: TestApp;
    let accountId: string;
    let oldSecret: Uint8Array;
    beforeEach(async () => {
      t = await buildTestApp(backend, {}, { orgMfaRequired: true });
      accountId = await t.createUser({ username: 'lea', password });
      oldSecret = await enrollAccount(t, 'lea', password);
    });
    afterEach(() => t.close());

    const methodIds = async () =>
      (await t.db.selectFrom('authenticators').select('id').execute()).map((m) => m.id);

    it('asks a session that signed in with the reset method for a second factor again before a removal', async () => {
      // The attacker: the old phone (stolen) and the password; signed in with its code, now.
      const { b: attacker, base } = await atSecondFactor(t, 'lea', password);
      const { response } = await submitCode(
        attacker,
        base,
        generateTotpCode(oldSecret, t.clock.now),
      );
      expect(gotCode(await attacker.follow(response))).toBe(true);

      // The real user reports the phone: an administrator resets the account's MFA…
      await resetMfa({ db: t.db, now: () => t.clock.now }, cliActor, { accountId });
      expect(await methodIds()).toEqual([]);
      // …and the user enrolls a new authenticator app at the next sign-in, in their own browser.
      t.clock.advance(30);
      const user = new BrowserSession(t.app, t.config.publicUrl);
      const userBase = interactionPath((await passwordStep(user, 'lea', password)).location);
      await enrollOtherApp(t, user, userBase);
      expect(gotCode(await finishEnrollment(user, userBase))).toBe(true);
      const [newMethod] = await methodIds();
      expect(newMethod).toBeDefined();

      // A minute later, the attacker's browser asks to remove the new method. Its session's second
      // factor was passed with a method that no longer exists: it proves nothing any more, so the
      // step-up must ask for one of the account's current methods (which the attacker lacks).
      t.clock.advance(60);
      const removePage = `/account/methods/${newMethod}/remove`;
      const page = await attacker.follow(await attacker.get(removePage));
      const csrf = page.body.includes('name="csrf"') ? hiddenField(page.body, 'csrf') : 'x';
      await attacker.post(removePage, { csrf });
      expect(await methodIds()).toEqual([newMethod]);
      expect(page.body).not.toContain('Retirer cette méthode ?');
      expect(page.body).toMatch(/action="\/account\/step-up\/[^"]+\/verify"/);
    });
  },
);

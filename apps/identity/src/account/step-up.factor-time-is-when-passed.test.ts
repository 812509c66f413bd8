/**
 * G-23 / G-21 / ADR 0005 §3 ("passed steps carry their time"): a step-up proves a second factor
 * *of the last five minutes*. The enrollment step is recorded with `amr: ['otp']` at the time of
 * « Terminer », not at the time its code was typed, so a code typed long ago — by a browser left
 * open on the configuration page — is taken for a fresh one, and a registration becomes a step-up
 * proof. The same holds for an application's sign-in: oidc-provider stamps the session's `loginTs`
 * when the browser comes back to it (the resume), which the step-up then takes for the time of the
 * session's second factor. Over HTTP, on both backends.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import {
  enrollOtherApp,
  finishEnrollment,
  interactionPath,
  passwordStep,
} from '../../test/mfa-kit.ts';
import { gotCode } from '../../test/sign-in-kit.ts';
import { setOrgMfaRequired } from '../policy/mfa-policy.ts';

const password = 'boulevard René-Lévesque 1976 Montréal';

describe.each(testBackends())(
  'a step-up counts a second factor from the time it was passed (G-23) (%s)',
  (backend) => {
    let t: TestApp;
    beforeEach(async () => {
      // No MFA required: the account signs in with its password and has no method yet.
      t = await buildTestApp(backend, {}, { orgMfaRequired: false });
      await t.createUser({ username: 'noe', password });
    });
    afterEach(async () => {
      vi.useRealTimers();
      await t.close();
    });

    const methodIds = async () =>
      (await t.db.selectFrom('authenticators').select('id').execute()).map((m) => m.id);

    it('does not take a code typed ten minutes before « Terminer » for a fresh second factor', async () => {
      const b = new BrowserSession(t.app, t.config.publicUrl);
      expect(gotCode((await passwordStep(b, 'noe', password)).response)).toBe(true);
      // A step-up of this password-only session: it enrolls (two factors always).
      const start = await b.get(`/account/step-up?return=${encodeURIComponent('/account')}`);
      const base = String(start.headers.location);
      expect(base).toMatch(/^\/account\/step-up\/[A-Za-z0-9_-]+$/);
      expect(String((await b.get(base)).headers.location)).toBe(`${base}/enroll`);
      // The code is typed now…
      await enrollOtherApp(t, b, base);
      // …and « Terminer » pressed ten minutes later (the page was left open).
      t.clock.advance(600);
      await finishEnrollment(b, base);
      const [method] = await methodIds();
      expect(method).toBeDefined();

      // The only factor this browser ever passed is ten minutes old: a removal must ask again.
      const removePage = `/account/methods/${method}/remove`;
      const page = await b.follow(await b.get(removePage));
      const csrf = page.body.includes('name="csrf"') ? hiddenField(page.body, 'csrf') : 'x';
      await b.post(removePage, { csrf });
      expect(await methodIds()).toEqual([method]);
      expect(page.body).not.toContain('Retirer cette méthode ?');
    });

    it("does not take a first sign-in's code typed ten minutes before « Terminer » for a fresh factor", async () => {
      // oidc-provider reads Date: here it follows the test's clock.
      vi.useFakeTimers({ toFake: ['Date'], now: t.clock.now });
      await setOrgMfaRequired(t.db, true);
      const b = new BrowserSession(t.app, t.config.publicUrl);
      const base = interactionPath((await passwordStep(b, 'noe', password)).location);
      // The first sign-in's enrollment: its code typed now…
      await enrollOtherApp(t, b, base);
      // …« Terminer » pressed ten minutes later, by whoever finds the page open.
      t.clock.advance(600);
      vi.setSystemTime(t.clock.now);
      expect(gotCode(await finishEnrollment(b, base))).toBe(true);
      const [method] = await methodIds();
      expect(method).toBeDefined();

      const removePage = `/account/methods/${method}/remove`;
      const page = await b.follow(await b.get(removePage));
      const csrf = page.body.includes('name="csrf"') ? hiddenField(page.body, 'csrf') : 'x';
      await b.post(removePage, { csrf });
      expect(await methodIds()).toEqual([method]);
      expect(page.body).not.toContain('Retirer cette méthode ?');
    });
  },
);

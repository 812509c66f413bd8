/**
 * A success never lifts a lock that other attempts set meanwhile (issue 6, defect 10): the right
 * password posted in the same burst as wrong guesses used to reset the counter to what it saw at
 * its reservation, erasing the lock the guesses had just set.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSignIn } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { attempt, failureReasons, gotCode, newBrowser } from '../../test/sign-in-kit.ts';
import { accountPolicy } from '../security/attempt-policy.ts';

const password = 'rivière gelée 2026';
const perLock = accountPolicy.failuresPerLock;

/** A verification slow enough (≈ 0.1 s) for the guesses posted after it to overtake it. */
const slowArgon2 = { memoryCostKiB: 19_456, timeCost: 12, parallelism: 1 };

describe.each(testBackends())(
  'a release never lowers a lock set meanwhile (G-09) (%s)',
  (backend) => {
    let t: TestApp;
    beforeEach(async () => {
      t = await buildTestApp(backend, {}, { argon2: slowArgon2 });
      await t.createUser({ username: 'claire', password });
    });
    afterEach(() => t.close());

    async function failuresCounted(): Promise<number> {
      const rows = await t.db.selectFrom('attempt_counters').select(['key', 'failures']).execute();
      return rows.find((row) => row.key.startsWith('account:'))?.failures ?? 0;
    }

    it('keeps the lock that wrong guesses set while a right password was being checked', async () => {
      const pages = await Promise.all(
        Array.from({ length: perLock + 1 }, async () => {
          const browser = newBrowser(t);
          return { browser, ...(await openSignIn(browser)) };
        }),
      );
      const [right, ...wrong] = pages;
      if (right === undefined) throw new Error('no page');
      // The right password first: wait until its attempt is reserved (it is hashing now)…
      const rightResponse = right.browser.post(right.action, {
        csrf: right.csrf,
        username: 'claire',
        password,
      });
      while ((await failuresCounted()) === 0) await new Promise((r) => setTimeout(r, 1));
      // …then the wrong guesses, which reach the lock before it has finished.
      const guesses = await Promise.all(
        wrong.map(({ browser, action, csrf }, i) =>
          browser.post(action, { csrf, username: 'claire', password: `wrong ${i}` }),
        ),
      );
      expect((await rightResponse).statusCode).toBe(303);
      expect(guesses.map((g) => g.statusCode)).toEqual(wrong.map(() => 401));
      expect(await failureReasons(t)).toEqual({ bad_password: perLock - 1, throttled: 1 });
      // The guesses set the lock: the right password's late success does not lift it.
      const after = await attempt(t, 'claire', password);
      expect(gotCode(after)).toBe(false);
      expect(after.statusCode).toBe(401);
    });
  },
);

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
    });
    afterEach(() => t.close());

    async function failuresCounted(accountId: string): Promise<number> {
      const rows = await t.db.selectFrom('attempt_counters').select(['key', 'failures']).execute();
      return rows.find((row) => row.key === `account:${accountId}`)?.failures ?? 0;
    }

    /** The right password, then — once it is being checked — the wrong guesses. */
    async function race(username: string, accountId: string) {
      const pages = await Promise.all(
        Array.from({ length: perLock + 1 }, async () => {
          const browser = newBrowser(t);
          return { browser, ...(await openSignIn(browser)) };
        }),
      );
      const [right, ...wrong] = pages;
      if (right === undefined) throw new Error('no page');
      const before = await failureReasons(t);
      const rightResponse = right.browser.post(right.action, {
        csrf: right.csrf,
        username,
        password,
      });
      while ((await failuresCounted(accountId)) === 0) await new Promise((r) => setTimeout(r, 1));
      await Promise.all(
        wrong.map(({ browser, action, csrf }, i) =>
          browser.post(action, { csrf, username, password: `wrong ${i}` }),
        ),
      );
      const accepted = (await rightResponse).statusCode === 303;
      const after = await failureReasons(t);
      const evaluated = (after.bad_password ?? 0) - (before.bad_password ?? 0);
      const throttled = (after.throttled ?? 0) - (before.throttled ?? 0);
      // The race happened when the guesses reached the lock while the right one was still hashing.
      return accepted && evaluated === perLock - 1 && throttled === 1;
    }

    it('keeps the lock that wrong guesses set while a right password was being checked', async () => {
      // A loaded machine may let the right password finish first: then try another account.
      let raced = 0;
      for (let round = 0; round < 5 && raced === 0; round += 1) {
        const username = `claire${round}`;
        const accountId = await t.createUser({ username, password });
        if (!(await race(username, accountId))) continue;
        raced += 1;
        // The guesses set the lock: the right password's late success does not lift it.
        const after = await attempt(t, username, password);
        expect(gotCode(after)).toBe(false);
        expect(after.statusCode).toBe(401);
      }
      expect(raced).toBe(1);
    });
  },
);

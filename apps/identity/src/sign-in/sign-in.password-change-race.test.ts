/**
 * G-41 at the password step itself (found in review): a password that was right when it was
 * checked, but replaced by an administrator while it was being checked, signs nobody in — and
 * the rehash of an old hash (new parameters) never puts the old password back over the new one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSignIn } from '../../test/browser-session.ts';
import {
  buildTestApp,
  cheapArgon2,
  type TestApp,
  testBackends,
} from '../../test/build-test-app.ts';
import { attempt, gotCode, newBrowser } from '../../test/sign-in-kit.ts';
import { createAccount } from '../accounts/create-account.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { setPassword } from '../accounts/operations/set-password.ts';
import { createPasswordHasher } from '../accounts/password-hasher.ts';

const oldPassword = 'rue du Petit-Champlain 1685';
const newPassword = 'terrasse Dufferin 1879 neuve';
/** Slow enough (≈ 0.1 s) for an administrator's change to land while it runs. */
const slowArgon2 = { memoryCostKiB: 19_456, timeCost: 12, parallelism: 1 };

describe.each(testBackends())('a password replaced while it is checked (G-41) (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { argon2: slowArgon2 });
  });
  afterEach(() => t.close());

  /** The attempt is reserved (and, once its failure is taken back, the password was right). */
  async function reserved(whenRight = false): Promise<boolean> {
    const rows = await t.db.selectFrom('attempt_counters').select(['key', 'failures']).execute();
    return rows.some((row) => row.key.startsWith('account:') && (whenRight || row.failures > 0));
  }

  /** Post the old password; once it is being checked, an administrator sets a new one. */
  async function raceWithNewPassword(accountId: string, whenRight = false) {
    const browser = newBrowser(t);
    const { action, csrf } = await openSignIn(browser);
    const posted = browser.post(action, { csrf, username: 'zelie', password: oldPassword });
    while (!(await reserved(whenRight))) await new Promise((resolve) => setTimeout(resolve, 1));
    const hash = await createPasswordHasher(cheapArgon2).hash(newPassword);
    await setPassword({ db: t.db, now: () => t.clock.now }, cliActor, {
      accountId,
      passwordHash: hash,
    });
    return browser.follow(await posted);
  }

  it('gives no code for the old password once the new one is set', async () => {
    const accountId = await t.createUser({ username: 'zelie', password: oldPassword });
    const late = await raceWithNewPassword(accountId);
    expect(gotCode(late)).toBe(false);
    expect(late.statusCode).toBe(400);
    expect(gotCode(await attempt(t, 'zelie', newPassword))).toBe(true);
  });

  it('does not put the old password back when its old hash is upgraded', async () => {
    // Hashed with older (cheaper) parameters: the next sign-in rehashes it.
    const old = createPasswordHasher(cheapArgon2);
    const created = await createAccount(
      { db: t.db, hasher: old, now: () => t.clock.now },
      { username: 'zelie', password: oldPassword },
    );
    if (!created.ok) throw new Error('account not created');
    // The old hash verifies at once; the new password lands while the upgrade is being hashed.
    await raceWithNewPassword(created.accountId, true);
    expect(gotCode(await attempt(t, 'zelie', oldPassword))).toBe(false);
    expect(gotCode(await attempt(t, 'zelie', newPassword))).toBe(true);
  });
});

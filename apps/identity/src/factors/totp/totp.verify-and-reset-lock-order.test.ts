/**
 * A code being accepted while the account's MFA is reset: both finish, neither fails, and the
 * code does not sign in on a method that is gone. On PostgreSQL the two lock the same rows — the
 * authenticator and its TOTP secret — and must take them in one order, or the database breaks
 * the deadlock by failing one of them. The test makes the race happen every time: a third
 * transaction holds the authenticator's row while the reset, then the code's check, queue behind
 * it; then it lets go. On SQLite (one writer at a time) the two run side by side.
 */
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hiddenField } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { atSecondFactor, enrollAccount } from '../../../test/mfa-kit.ts';
import { cliActor } from '../../accounts/operations/actor.ts';
import { resetMfa } from '../../accounts/operations/reset-mfa.ts';
import type { Database } from '../../db/database.ts';
import { generateTotpCode } from './totp-code.ts';

const password = 'boulevard René-Lévesque 1976';

describe.each(testBackends())('a code checked during an MFA reset (%s)', (backend) => {
  let t: TestApp;
  let accountId: string;
  let secret: Uint8Array;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    accountId = await t.createUser({ username: 'rosalie', password });
    secret = await enrollAccount(t, 'rosalie', password);
  });
  afterEach(() => t.close());

  const reset = () => resetMfa({ db: t.db, now: () => t.clock.now }, cliActor, { accountId });

  /** The code's POST, its page already open; resolves with its response. */
  async function codeCheck() {
    const { b, base } = await atSecondFactor(t, 'rosalie', password);
    const page = await b.get(`${base}/verify`);
    const code = generateTotpCode(secret, t.clock.now);
    return () =>
      b.post(`${base}/verify`, {
        csrf: hiddenField(page.body, 'csrf'),
        authenticatorId: hiddenField(page.body, 'authenticatorId'),
        code,
      });
  }

  it.runIf(backend === 'postgres')(
    'takes the rows in the order the reset does: no deadlock, the reset wins, the code is refused',
    async () => {
      const post = await codeCheck();
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let holder = 0;
      const held = new Promise<void>((heldResolve) => {
        void t.db.transaction().execute(async (trx) => {
          holder = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]
            ?.pid as number;
          await trx
            .selectFrom('authenticators')
            .select('id')
            .where('account_id', '=', accountId)
            .forUpdate()
            .execute();
          heldResolve();
          await released;
        });
      });
      await held;
      const resetting = reset();
      await waitersBehind(t.db, holder, 1);
      const checking = post();
      await waitersBehind(t.db, holder, 2);
      release();
      const [removed, answer] = await Promise.all([resetting, checking]);
      expect(removed.authenticators).toBe(1);
      expect(answer.statusCode).toBeLessThan(500);
      expect(answer.headers.location ?? '').not.toContain('code=');
      const left = await t.db
        .selectFrom('authenticators')
        .select('id')
        .where('account_id', '=', accountId)
        .execute();
      expect(left).toEqual([]);
    },
  );

  it('runs side by side with a reset: both finish, and no method is left', async () => {
    const post = await codeCheck();
    const [removed, answer] = await Promise.all([reset(), post()]);
    expect(removed.authenticators).toBe(1);
    expect(answer.statusCode).toBeLessThan(500);
    const left = await t.db
      .selectFrom('authenticators')
      .select('id')
      .where('account_id', '=', accountId)
      .execute();
    expect(left).toEqual([]);
  });
});

/** Waits until `count` sessions wait, directly or in a queue, behind the lock holder `pid`. */
async function waitersBehind(db: Kysely<Database>, pid: number, count: number) {
  for (let tries = 0; tries < 200; tries++) {
    const waiting = await sql<{ pid: number; blockers: number[] }>`
      select pid, pg_blocking_pids(pid) as blockers from pg_stat_activity
      where wait_event_type = 'Lock'`.execute(db);
    const behind = new Set([pid]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const row of waiting.rows)
        if (!behind.has(row.pid) && row.blockers.some((b) => behind.has(b))) {
          behind.add(row.pid);
          grew = true;
        }
    }
    if (behind.size - 1 >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`fewer than ${count} sessions waited behind ${pid}`);
}

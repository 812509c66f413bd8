/**
 * `sesame users delete <username>`: the account goes, nothing in the database names it (every
 * table walked), its trail stays under a pseudonym with the CLI as the deletion's actor.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tracesOf } from '../../test/account-traces.ts';
import { testBackends } from '../../test/build-test-app.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';

describe.each(testBackends())('sesame users delete (%s)', (backend) => {
  let t: CliHarness;
  beforeEach(async () => {
    t = await openCliHarness(backend);
  });
  afterEach(() => t.close());

  it('deletes the account by its email; its trail names a pseudonym; unknown next time', async () => {
    await t.run([
      'users',
      'create',
      'ariane.b',
      '--email',
      'ariane.b@example.ca',
      '--name',
      'Ariane Bouchard',
    ]);
    await t.run(['users', 'lock', 'ariane.b']);
    const { id } = await t.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'ariane.b')
      .executeTakeFirstOrThrow();
    const run = await t.run(['users', 'delete', 'Ariane.B@Example.CA']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Deleted account ariane\.b; its audit trail now names it deleted:\S+\.\n$/,
    );
    expect(await tracesOf(t.db, [id, 'ariane.b', 'Ariane Bouchard'])).toEqual([]);
    const trail = await t.db
      .selectFrom('audit_events')
      .select(['type', 'account_id', 'actor'])
      .orderBy('id')
      .execute();
    const pseudonym = trail.at(-1)?.account_id;
    expect(trail.map((e) => [e.type, e.account_id === pseudonym])).toEqual([
      ['account.created', true],
      ['account.locked', true],
      ['account.deleted', true],
    ]);
    expect(trail.at(-1)?.actor).toBe('cli');
    const again = await t.run(['users', 'delete', 'ariane.b']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('no account named ariane.b');
  });
});

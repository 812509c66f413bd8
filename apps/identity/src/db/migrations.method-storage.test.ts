/**
 * Migration 0005 moves each code method's secret out of `authenticators` into the method's own
 * table: an account enrolled before it keeps its authenticator, its sealed secret and its last
 * step (so no code is accepted twice across the upgrade), on both backends.
 */
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb, testBackends } from '../../test/build-test-app.ts';
import type { Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';

describe.each(testBackends())('migration 0005 keeps the secrets (%s)', (backend) => {
  let testDb: TestDb;
  beforeEach(async () => {
    testDb = await openTestDb(backend);
  });
  afterEach(() => testDb.close());

  it('moves sealed secrets and last steps to totp_secrets, and drops them from authenticators', async () => {
    const db = testDb.db;
    await migrateToLatest(db, { upTo: '0004-flow-owned-authenticators' });
    const raw = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await raw
      .insertInto('accounts')
      .values({
        id: 'acc-1',
        username: 'old',
        email: null,
        name: 'Old Account',
        password_hash: 'x',
        locked: 0,
        created_at: 1,
        updated_at: 1,
      })
      .execute();
    await raw
      .insertInto('authenticators')
      .values({
        id: 'auth-1',
        account_id: 'acc-1',
        kind: 'totp',
        status: 'active',
        label: 'App',
        sealed_secret: 'sealed-bytes',
        last_used_step: 59_000_123,
        created_at: 1,
        activated_at: 1,
        last_used_at: 2,
      })
      .execute();

    expect(await migrateToLatest(db, { upTo: '0005-method-storage-and-challenges' })).toEqual([
      '0005-method-storage-and-challenges',
    ]);
    const moved = await (db as Kysely<Database>).selectFrom('totp_secrets').selectAll().execute();
    expect(moved.map((r) => ({ ...r, last_used_step: Number(r.last_used_step) }))).toEqual([
      { authenticator_id: 'auth-1', sealed_secret: 'sealed-bytes', last_used_step: 59_000_123 },
    ]);
    const kept = await sql<Record<string, unknown>>`select * from authenticators`.execute(db);
    expect(kept.rows).toHaveLength(1);
    expect(Object.keys(kept.rows[0] ?? {})).not.toContain('sealed_secret');
    expect(Object.keys(kept.rows[0] ?? {})).not.toContain('last_used_step');
  });
});

describe.each(testBackends())(
  'migrations on a fresh database, nodes starting together (%s)',
  (backend) => {
    let testDb: TestDb;
    beforeEach(async () => {
      testDb = await openTestDb(backend);
    });
    afterEach(() => testDb.close());

    it('applies each migration once when several nodes migrate at the same time', async () => {
      const runs = await Promise.all(Array.from({ length: 4 }, () => migrateToLatest(testDb.db)));
      const applied = runs.flat();
      expect(applied.filter((name) => name === '0001-initial')).toHaveLength(1);
      expect(new Set(applied).size).toBe(applied.length);
    });
  },
);

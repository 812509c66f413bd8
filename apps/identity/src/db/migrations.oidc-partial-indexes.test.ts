/**
 * Migration 0023 indexes oidc-provider's records by grant, session uid and account only where
 * they have one. The lookups that revoke a grant, find a session by its uid and end an account's
 * sessions must still use those indexes, on both backends (PostgreSQL told not to scan, so that
 * its plan for a few rows shows what it would do for many).
 */
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb, testBackends } from '../../test/build-test-app.ts';
import type { Database } from './database.ts';
import { isPostgres } from './dialect.ts';
import { migrateToLatest } from './migrate.ts';

const lookups = [
  ['oidc_models_grant', sql`select id from oidc_models where grant_id = ${'g-1'}`],
  [
    'oidc_models_uid',
    sql`select id from oidc_models where model = ${'Session'} and uid = ${'u-1'}`,
  ],
  [
    'oidc_models_account',
    sql`select id from oidc_models where account_id = ${'a-1'} or grant_id in (select id from oidc_models where model = ${'Grant'} and account_id = ${'a-1'})`,
  ],
] as const;

async function plan(db: Kysely<Database>, query: (typeof lookups)[number][1]): Promise<string> {
  if (!isPostgres(db)) {
    const rows = await sql<{ detail: string }>`explain query plan ${query}`.execute(db);
    return rows.rows.map((row) => row.detail).join('\n');
  }
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const rows = await sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(trx);
    return rows.rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

describe.each(testBackends())('migration 0023: partial indexes of oidc records (%s)', (backend) => {
  let testDb: TestDb;
  beforeEach(async () => {
    testDb = await openTestDb(backend);
    await migrateToLatest(testDb.db);
  });
  afterEach(() => testDb.close());

  it.each(lookups)('%s is used by its lookup', async (index, query) => {
    expect(await plan(testDb.db, query)).toContain(index);
  });

  it('leaves a record without a grant, uid or account out of those indexes', async () => {
    const db = testDb.db;
    if (isPostgres(db)) {
      const rows = await sql<{ indexdef: string }>`
        select indexdef from pg_indexes
        where tablename = 'oidc_models' and schemaname = current_schema()`.execute(db);
      const definitions = rows.rows.map((row) => row.indexdef).join('\n');
      for (const column of ['grant_id', 'uid', 'account_id'])
        expect(definitions).toContain(`(${column} IS NOT NULL)`);
    } else {
      const rows = await sql<{ name: string; sql: string }>`
        select name, sql from sqlite_master where tbl_name = 'oidc_models' and type = 'index'
        and sql is not null`.execute(db);
      const partial = rows.rows.filter((row) => /where "?\w+"? is not null/i.test(row.sql));
      expect(partial.map((row) => row.name).sort()).toEqual([
        'oidc_models_account',
        'oidc_models_grant',
        'oidc_models_uid',
      ]);
    }
  });
});

/**
 * Numbered migrations, one set for both backends, applied in order at start, each in the same
 * transaction as the row that records it. A tiny runner of our own rather than Kysely's Migrator:
 * Kysely's reads the catalogue of every schema of the database to find its table (slow with many
 * schemas, and failing when one vanishes meanwhile — seen with parallel test schemas). This one
 * only looks at its own table, in the current schema. On PostgreSQL a transaction-scoped advisory
 * lock keeps two instances starting together from running the same migration twice.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './database.ts';
import { isPostgres } from './dialect.ts';
import * as m0001 from './migrations/0001-initial.ts';
import * as m0002 from './migrations/0002-mfa.ts';
import * as m0003 from './migrations/0003-oidc-account.ts';
import * as m0004 from './migrations/0004-flow-owned-authenticators.ts';
import * as m0005 from './migrations/0005-method-storage-and-challenges.ts';
import * as m0006 from './migrations/0006-step-up-flows.ts';
import * as m0007 from './migrations/0007-push.ts';
import * as m0008 from './migrations/0008-methods-changed-at.ts';
import * as m0009 from './migrations/0009-mail.ts';
import * as m0010 from './migrations/0010-recovery-codes.ts';
import * as m0011 from './migrations/0011-passkeys.ts';
import * as m0012 from './migrations/0012-remembered-browsers.ts';
import * as m0013 from './migrations/0013-sent-codes.ts';
import * as m0014 from './migrations/0014-admin-roles.ts';
import * as m0015 from './migrations/0015-temporary-access-codes.ts';
import * as m0016 from './migrations/0016-api-tokens.ts';
import * as m0017 from './migrations/0017-client-applications.ts';
import * as m0018 from './migrations/0018-groups-and-policy.ts';
import * as m0020 from './migrations/0020-self-registration.ts';
import * as m0021 from './migrations/0021-signing-key-rotation.ts';
import * as m0022 from './migrations/0022-notice-recipient.ts';
import * as m0023 from './migrations/0023-oidc-partial-indexes.ts';

interface Migration {
  up(db: Kysely<unknown>): Promise<void>;
}

/** Add a line per new file; names sort in the order they apply. */
const migrations: ReadonlyArray<[string, Migration]> = [
  ['0001-initial', m0001],
  ['0002-mfa', m0002],
  ['0003-oidc-account', m0003],
  ['0004-flow-owned-authenticators', m0004],
  ['0005-method-storage-and-challenges', m0005],
  ['0006-step-up-flows', m0006],
  ['0007-push', m0007],
  ['0008-methods-changed-at', m0008],
  ['0009-mail', m0009],
  ['0010-recovery-codes', m0010],
  ['0011-passkeys', m0011],
  ['0012-remembered-browsers', m0012],
  ['0013-sent-codes', m0013],
  ['0014-admin-roles', m0014],
  ['0015-temporary-access-codes', m0015],
  ['0016-api-tokens', m0016],
  ['0017-client-applications', m0017],
  ['0018-groups-and-policy', m0018],
  ['0020-self-registration', m0020],
  ['0021-signing-key-rotation', m0021],
  ['0022-notice-recipient', m0022],
  ['0023-oidc-partial-indexes', m0023],
];

/** Apply every migration not applied yet (or, for tests of a migration, those up to `upTo`). */
export async function migrateToLatest(
  db: Kysely<Database>,
  options: { upTo?: string } = {},
): Promise<string[]> {
  const raw = db as unknown as Kysely<{ sesame_migrations: { name: string; applied_at: number } }>;
  return raw.transaction().execute(async (trx) => {
    // One instance migrates at a time (PostgreSQL; SQLite runs one transaction at a time anyway),
    // from the creation of the runner's own table on: two nodes starting on a fresh database
    // must not both create it.
    if (isPostgres(trx))
      await sql`select pg_advisory_xact_lock(hashtext(current_schema()))`.execute(trx);
    await trx.schema
      .createTable('sesame_migrations')
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('applied_at', 'bigint', (c) => c.notNull())
      .execute();
    const applied = new Set(
      (await trx.selectFrom('sesame_migrations').select('name').execute()).map((r) => r.name),
    );
    const ran: string[] = [];
    for (const [name, migration] of migrations) {
      if (applied.has(name)) continue;
      await migration.up(trx as unknown as Kysely<unknown>);
      await trx.insertInto('sesame_migrations').values({ name, applied_at: Date.now() }).execute();
      ran.push(name);
      if (name === options.upTo) break;
    }
    return ran;
  });
}

import { type Kysely, sql } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import type { Database } from './database.ts';
import { isPostgres } from './dialect.ts';
import * as m0001 from './migrations/0001-initial.ts';
import * as m0002 from './migrations/0002-mfa.ts';
import * as m0003 from './migrations/0003-oidc-account.ts';

/** Numbered migrations, one set for both backends. Add a line per new file. */
const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-mfa': m0002,
  '0003-oidc-account': m0003,
};

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(await migrationTableSchema(db)),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}

/**
 * PostgreSQL: name the schema of Kysely's own tables. Without it, Kysely takes a
 * `kysely_migration_lock` in ANY schema of the database as its own, skips creating it here, and
 * fails (seen with parallel test schemas, and possible beside another Kysely application).
 */
async function migrationTableSchema(
  db: Kysely<Database>,
): Promise<{ migrationTableSchema?: string }> {
  if (!isPostgres(db)) return {};
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  return schema ? { migrationTableSchema: schema } : {};
}

/**
 * oidc-provider's records are looked up by grant, by session uid and by account only where they
 * have one: an interaction has none of them when it starts, a grant no grant id, a token no
 * session uid. Indexed with `… IS NOT NULL`, a record leaves out the indexes it has nothing for,
 * and its every write (seven to eight per sign-in, each its own commit) touches fewer pages:
 * measured on SQLite, an interaction's insert 60 → 35 µs, its deletion 60 → 43 µs (bench/).
 * Every lookup compares the column with a value (`=`, `IN`), which both backends know implies
 * `IS NOT NULL`, so each still uses its index.
 */
import { type Kysely, sql } from 'kysely';

const indexes = [
  ['oidc_models_grant', 'grant_id'],
  ['oidc_models_uid', 'uid'],
  ['oidc_models_account', 'account_id'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, column] of indexes) {
    await db.schema.dropIndex(name).execute();
    await db.schema
      .createIndex(name)
      .on('oidc_models')
      .column(column)
      .where(sql.ref(column), 'is not', null)
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name, column] of indexes) {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(name).on('oidc_models').column(column).execute();
  }
}

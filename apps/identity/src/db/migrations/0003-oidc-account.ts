/**
 * The account behind each oidc-provider record (sessions, grants, tokens), so that locking an
 * account or changing its password can revoke everything it holds (G-28).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('oidc_models').addColumn('account_id', 'text').execute();
  await db.schema
    .createIndex('oidc_models_account')
    .on('oidc_models')
    .column('account_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('oidc_models_account').execute();
  await db.schema.alterTable('oidc_models').dropColumn('account_id').execute();
}

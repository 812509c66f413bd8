/**
 * Remember this browser (issue 8 §5): one row per browser an account chose not to be asked its
 * second factor again on, for the organization's number of days. Only the SHA-256 of the
 * browser's random token is stored; a row stops counting when it expires or is revoked (the
 * security page, an MFA reset, a new password, a lock, « Se déconnecter partout »).
 * And when an authenticator's label was given by its owner (the security page's « Renommer »).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('remembered_browsers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('browser', 'text')
    .addColumn('system', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('remembered_browsers_account')
    .on('remembered_browsers')
    .columns(['account_id', 'expires_at'])
    .execute();
  await db.schema.alterTable('authenticators').addColumn('renamed_at', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('authenticators').dropColumn('renamed_at').execute();
  await db.schema.dropTable('remembered_browsers').execute();
}

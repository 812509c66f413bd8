/**
 * Temporary access codes (issue 9 §1): a code the help desk gives a client who lost their phone,
 * to sign in once and enroll again. One per account at most, its own storage beside its slim
 * `authenticators` row (kind `temporary-access-code`): the code's keyed hash (G-44), when it
 * expires, who issued it. Used once: its authenticator goes, and this row with it.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('temporary_access_codes')
    .addColumn('authenticator_id', 'text', (c) =>
      c.primaryKey().references('authenticators.id').onDelete('cascade'),
    )
    .addColumn('code_mac', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .execute();
}

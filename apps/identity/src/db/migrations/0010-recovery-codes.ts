/**
 * Recovery codes (factors/recovery-codes/, ADR 0009): a set per account, behind one slim
 * `authenticators` row of the method. The set holds the salt and the argon2id cost its ten codes
 * were hashed with; each code is stored only as that hash, and is used once (`used_at`).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('recovery_code_sets')
    .addColumn('authenticator_id', 'text', (c) =>
      c.primaryKey().references('authenticators.id').onDelete('cascade'),
    )
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('hash_params', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('recovery_codes')
    .addColumn('authenticator_id', 'text', (c) =>
      c.notNull().references('recovery_code_sets.authenticator_id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addPrimaryKeyConstraint('recovery_codes_pk', ['authenticator_id', 'position'])
    .addUniqueConstraint('recovery_codes_hash', ['authenticator_id', 'code_hash'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('recovery_codes').execute();
  await db.schema.dropTable('recovery_code_sets').execute();
}

/**
 * Groups and the MFA policy (issue 9): groups of accounts, named and described, which the policy
 * can require MFA of (`requires_mfa`); and when the grace period of each account began — the
 * first sign-in that found MFA required of it with no method yet (policy/mfa-grace.ts). The
 * policy's scalars (for whom, each method's rule, the grace's length) are organization settings.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // Unique as compared (lower case), shown as typed.
    .addColumn('canonical_name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('requires_mfa', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'account_id'])
    .execute();
  await db.schema
    .createIndex('group_members_account')
    .on('group_members')
    .column('account_id')
    .execute();
  await db.schema
    .createTable('mfa_grace')
    .addColumn('account_id', 'text', (c) =>
      c.primaryKey().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .execute();
}

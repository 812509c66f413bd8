/**
 * When an account's methods were last taken away (an MFA reset, a method removed): a second
 * factor passed before then — by a session's sign-in — no longer counts as fresh for a sensitive
 * change (G-23, ADR 0005): it may have been the very method taken away.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('methods_changed_at', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('methods_changed_at').execute();
}

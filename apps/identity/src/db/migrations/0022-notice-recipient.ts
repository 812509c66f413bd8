/**
 * A notice that goes to another address than the account's verified one: the old address of an
 * address just changed is told of the change (G-24) — the new one, not yet verified, is not.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notices').addColumn('to_email', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notices').dropColumn('to_email').execute();
}

/**
 * The organization's administrators (issue 9): an account may hold a role — `admin` (everything)
 * or `helpdesk` (the users only). No role: a client, refused everywhere under `/admin`.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('role', 'text').execute();
}

/**
 * Self-registration (issue 9, lifecycle): an account made by its own user must prove its address
 * before any sign-in completes (`email_verification_required`, 1 for them, 0 for every other).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('accounts')
    .addColumn('email_verification_required', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

/**
 * Codes sent by email or SMS (issue 8 §3): the account's phone number (E.164, set by an
 * administrator: `sesame users set-phone`), and, for each authenticator of a sent-code method, the
 * address or number its enrollment confirmed with a code. A code is sent only there, and only while
 * the account still holds it: a number changed since is not used until it is confirmed again.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('phone_number', 'text').execute();
  await db.schema
    .createTable('sent_code_destinations')
    .addColumn('authenticator_id', 'text', (c) =>
      c.primaryKey().references('authenticators.id').onDelete('cascade'),
    )
    .addColumn('destination', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sent_code_destinations').execute();
  await db.schema.alterTable('accounts').dropColumn('phone_number').execute();
}

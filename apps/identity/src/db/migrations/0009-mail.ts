/**
 * Mail that leaves (issue 8 §3, §6, G-24): the development outbox (mail kept in the database when
 * no SMTP server is configured), the notices waiting to be mailed (queued in the transaction of
 * the audit event they tell of), the single-use links sent by mail (address verification,
 * password reset; only their hashes), and on accounts when their address was verified and the
 * language their mail is written in.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('email_verified_at', 'bigint').execute();
  await db.schema.alterTable('accounts').addColumn('locale', 'text').execute();
  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outbox_messages_created')
    .on('outbox_messages')
    .column('created_at')
    .execute();
  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('ip', 'text')
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addColumn('outcome', 'text')
    .execute();
  await db.schema
    .createIndex('notices_due')
    .on('notices')
    .columns(['sent_at', 'next_attempt_at'])
    .execute();
  await db.schema
    .createTable('email_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('email_tokens_account')
    .on('email_tokens')
    .columns(['account_id', 'purpose'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('email_tokens').execute();
  await db.schema.dropTable('notices').execute();
  await db.schema.dropTable('outbox_messages').execute();
  await db.schema.alterTable('accounts').dropColumn('locale').execute();
  await db.schema.alterTable('accounts').dropColumn('email_verified_at').execute();
}

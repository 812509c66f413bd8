/**
 * Push approval (issue 7): each device's Web Push subscription, sealed at rest (its keys let
 * anyone send to the phone); the deployment's VAPID key pair, made at first start, its private
 * half sealed; and the answers devices gave to push challenges (which device, what it decided,
 * whether the number matched), which the anti-fatigue rules and the browser's outcome read.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('push_subscriptions')
    .addColumn('device_id', 'text', (c) =>
      c.primaryKey().references('devices.id').onDelete('cascade'),
    )
    .addColumn('sealed_subscription', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('vapid_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('sealed_private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('push_answers')
    .addColumn('challenge_id', 'text', (c) =>
      c.primaryKey().references('challenges.id').onDelete('cascade'),
    )
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('push_answers_account_decision')
    .on('push_answers')
    .columns(['account_id', 'decision', 'answered_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('push_answers').execute();
  await db.schema.dropTable('vapid_keys').execute();
  await db.schema.dropTable('push_subscriptions').execute();
}

/**
 * Signing keys that rotate (ADR 0014): each key says from when it signs, until when (its
 * successor's start), and until when it stays published for the tokens it signed. A key's state
 * (next, current, retired) follows from these times and the clock, so every node reading the
 * table agrees on it without being told. The key made before this migration signs from its
 * creation.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('signing_keys')
    .addColumn('alg', 'text', (c) => c.notNull().defaultTo('RS256'))
    .execute();
  await db.schema
    .alterTable('signing_keys')
    .addColumn('signs_from', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('signing_keys').addColumn('signs_until', 'bigint').execute();
  await db.schema.alterTable('signing_keys').addColumn('published_until', 'bigint').execute();
  await sql`update signing_keys set signs_from = created_at`.execute(db);
}

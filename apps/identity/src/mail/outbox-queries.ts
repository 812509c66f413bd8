/** The development outbox's rows (no SMTP configured): mail kept to be read at /dev/outbox. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, OutboxMessageTable } from '../db/database.ts';

export type OutboxMessage = Selectable<OutboxMessageTable>;

export async function insertOutboxMessage(
  db: Kysely<Database>,
  message: OutboxMessage,
): Promise<void> {
  await db.insertInto('outbox_messages').values(message).execute();
}

/** Newest first. */
export async function listOutboxMessages(
  db: Kysely<Database>,
  limit: number,
): Promise<OutboxMessage[]> {
  return db.selectFrom('outbox_messages').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

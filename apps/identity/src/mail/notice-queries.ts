/**
 * The notices' queue (G-24): queued in the transaction of their audit event, claimed by one
 * sender at a time (an atomic UPDATE that pushes `next_attempt_at` past a lease), marked sent, or
 * put back with a back-off when the mail server failed.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, NoticeTable } from '../db/database.ts';

export type Notice = Selectable<NoticeTable>;

export async function queueNotice(
  db: Kysely<Database>,
  notice: {
    accountId: string;
    eventType: string;
    reason: string | null;
    ip: string | null;
    toEmail?: string | null;
  },
  nowMs: number,
): Promise<void> {
  await db
    .insertInto('notices')
    .values({
      id: randomUUID(),
      account_id: notice.accountId,
      event_type: notice.eventType,
      reason: notice.reason,
      ip: notice.ip,
      occurred_at: nowMs,
      next_attempt_at: nowMs,
      sent_at: null,
      outcome: null,
      to_email: notice.toEmail ?? null,
    })
    .execute();
}

/** The ids of notices due now, oldest first. */
export async function listDueNotices(
  db: Kysely<Database>,
  nowMs: number,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('notices')
    .select('id')
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', nowMs)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** Take a due notice for `leaseMs` (one sender wins; a crashed one's lease runs out). */
export async function claimNotice(
  db: Kysely<Database>,
  id: string,
  nowMs: number,
  leaseMs: number,
): Promise<Notice | undefined> {
  return db
    .updateTable('notices')
    .set((eb) => ({ next_attempt_at: nowMs + leaseMs, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', nowMs)
    .returningAll()
    .executeTakeFirst();
}

/** Done: sent, or nothing to send (`no_address`). */
export async function markNoticeDone(
  db: Kysely<Database>,
  id: string,
  outcome: 'sent' | 'no_address',
  nowMs: number,
): Promise<void> {
  await db.updateTable('notices').set({ sent_at: nowMs, outcome }).where('id', '=', id).execute();
}

/** The mail server failed: try again from `retryAt`. */
export async function deferNotice(
  db: Kysely<Database>,
  id: string,
  retryAt: number,
): Promise<void> {
  await db
    .updateTable('notices')
    .set({ next_attempt_at: retryAt, outcome: 'failed' })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .execute();
}

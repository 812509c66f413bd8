/**
 * Reserve-then-verify: `reserve(key)` atomically decides and records the attempt as a failure;
 * `release(reservation)` undoes it when the secret was right. Stored in the database, so every
 * identity instance shares the counters and they survive a restart.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { isPostgres } from '../db/dialect.ts';
import { type AttemptPolicy, type AttemptState, decideAttempt, releaseAttempt } from './attempt-policy.ts';

export interface Reservation {
  key: string;
  state: AttemptState;
  /** The lock as it was before this reservation, to put back if the attempt is cancelled. */
  previousLockedUntil: number | null;
  policy: AttemptPolicy;
}

export type ReserveResult = { allowed: true; reservation: Reservation } | { allowed: false; retryAt: number | null };

export interface AttemptLimiter {
  reserve(key: string, policy: AttemptPolicy, nowMs: number): Promise<ReserveResult>;
  /** The secret was right: forget the failure this reservation counted (per the policy). */
  release(reservation: Reservation): Promise<void>;
  /** The attempt was never evaluated: take back exactly the one failure it counted. */
  cancel(reservation: Reservation): Promise<void>;
  clear(key: string): Promise<void>;
}

export function createAttemptLimiter(db: Kysely<Database>): AttemptLimiter {
  const forUpdate = isPostgres(db);
  return {
    reserve: (key, policy, nowMs) =>
      db.transaction().execute(async (trx) => {
        // Make the row exist first, so that the row lock below serializes every attempt on this key.
        await trx
          .insertInto('attempt_counters')
          .values({ key, failures: 0, window_started_at: nowMs, locked_until: null })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        let query = trx.selectFrom('attempt_counters').selectAll().where('key', '=', key);
        if (forUpdate) query = query.forUpdate();
        const row = await query.executeTakeFirstOrThrow();
        const stored = { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until };
        const decision = decideAttempt(stored, nowMs, policy);
        if (!decision.allowed) return decision;
        await writeState(trx, key, decision.ifFailed);
        const reservation = { key, state: decision.ifFailed, previousLockedUntil: row.locked_until, policy };
        return { allowed: true as const, reservation };
      }),
    release: async ({ key, state, policy }) => {
      const next = releaseAttempt(state, policy);
      if (next === null) {
        await db.deleteFrom('attempt_counters').where('key', '=', key).execute();
        return;
      }
      await decrement(db, key, next.lockedUntil);
    },
    cancel: (reservation) => decrement(db, reservation.key, reservation.previousLockedUntil),
    clear: async (key) => {
      await db.deleteFrom('attempt_counters').where('key', '=', key).execute();
    },
  };
}

/** Undo one counted failure, even if other attempts happened since. */
async function decrement(db: Kysely<Database>, key: string, lockedUntil: number | null): Promise<void> {
  await db
    .updateTable('attempt_counters')
    .set((eb) => ({ failures: eb('failures', '-', 1), locked_until: lockedUntil }))
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

async function writeState(db: Kysely<Database>, key: string, state: AttemptState): Promise<void> {
  await db
    .updateTable('attempt_counters')
    .set({ failures: state.failures, window_started_at: state.windowStartedAt, locked_until: state.lockedUntil })
    .where('key', '=', key)
    .execute();
}

/**
 * Reserve-then-verify: `reserve(key)` atomically decides and records the attempt as a failure;
 * `release(reservation)` undoes it when the secret was right. Stored in the database, so every
 * identity instance shares the counters and they survive a restart.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { isPostgres } from '../db/dialect.ts';
import {
  type AttemptPolicy,
  type AttemptState,
  decideAttempt,
  settleAttempt,
} from './attempt-policy.ts';

export interface Reservation {
  key: string;
  state: AttemptState;
  /** The lock as it was before this reservation, to put back if the attempt is cancelled. */
  previousLockedUntil: number | null;
  policy: AttemptPolicy;
}

export type ReserveResult =
  | { allowed: true; reservation: Reservation }
  | { allowed: false; retryAt: number | null };

export interface AttemptLimiter {
  reserve(key: string, policy: AttemptPolicy, nowMs: number): Promise<ReserveResult>;
  /** The secret was right: forget the failure this reservation counted (per the policy). */
  release(reservation: Reservation): Promise<void>;
  /** The attempt was never evaluated: take back exactly the one failure it counted. */
  cancel(reservation: Reservation): Promise<void>;
  clear(key: string): Promise<void>;
  /** Forget every counter whose key starts with one of these (an administrator's unlock). */
  clearPrefixed(prefixes: string[]): Promise<void>;
}

export function createAttemptLimiter(db: Kysely<Database>): AttemptLimiter {
  const forUpdate = isPostgres(db);
  /** Take this reservation's failure back under the row lock, never lowering a newer lock. */
  const settle = (reservation: Reservation, outcome: 'succeeded' | 'cancelled') =>
    db.transaction().execute(async (trx) => {
      // The row stays: deleting it would let a parallel reservation find no row to lock between
      // its insert and its select.
      const row = await lockCounterRow(
        trx,
        reservation.key,
        reservation.state.windowStartedAt,
        forUpdate,
      );
      const current = {
        failures: row.failures,
        windowStartedAt: row.window_started_at,
        lockedUntil: row.locked_until,
      };
      await writeState(
        trx,
        reservation.key,
        settleAttempt(current, reservation, outcome, reservation.policy),
      );
    });
  return {
    reserve: (key, policy, nowMs) =>
      db.transaction().execute(async (trx) => {
        const row = await lockCounterRow(trx, key, nowMs, forUpdate);
        const stored = {
          failures: row.failures,
          windowStartedAt: row.window_started_at,
          lockedUntil: row.locked_until,
        };
        const decision = decideAttempt(stored, nowMs, policy);
        if (!decision.allowed) return decision;
        await writeState(trx, key, decision.ifFailed);
        const reservation = {
          key,
          state: decision.ifFailed,
          previousLockedUntil: row.locked_until,
          policy,
        };
        return { allowed: true as const, reservation };
      }),
    release: (reservation) => settle(reservation, 'succeeded'),
    cancel: (reservation) => settle(reservation, 'cancelled'),
    clear: async (key) => {
      await db.deleteFrom('attempt_counters').where('key', '=', key).execute();
    },
    clearPrefixed: async (prefixes) => {
      await db
        .deleteFrom('attempt_counters')
        .where((eb) =>
          eb.or(
            prefixes.map(
              (prefix) => sql<boolean>`substr(${eb.ref('key')}, 1, ${prefix.length}) = ${prefix}`,
            ),
          ),
        )
        .execute();
    },
  };
}

/**
 * Make the row exist, then lock it, so that every attempt on this key is serialized (a row lock
 * on PostgreSQL; SQLite runs one transaction at a time). An administrator's `clear` may delete
 * the row in between: then insert it again.
 */
async function lockCounterRow(
  trx: Kysely<Database>,
  key: string,
  nowMs: number,
  forUpdate: boolean,
) {
  for (let tries = 0; tries < 3; tries += 1) {
    await trx
      .insertInto('attempt_counters')
      .values({ key, failures: 0, window_started_at: nowMs, locked_until: null })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    let query = trx.selectFrom('attempt_counters').selectAll().where('key', '=', key);
    if (forUpdate) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (row !== undefined) return row;
  }
  throw new Error(`attempt counter ${key} could not be locked`);
}

async function writeState(db: Kysely<Database>, key: string, state: AttemptState): Promise<void> {
  await db
    .updateTable('attempt_counters')
    .set({
      failures: state.failures,
      window_started_at: state.windowStartedAt,
      locked_until: state.lockedUntil,
    })
    .where('key', '=', key)
    .execute();
}

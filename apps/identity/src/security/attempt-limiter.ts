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
  /**
   * Reserve under several limits at once, in their order, in one transaction: all are reserved,
   * or — when one refuses — none is (the earlier ones are rolled back, not counted).
   */
  reserveAll(
    limits: Array<{ key: string; policy: AttemptPolicy }>,
    nowMs: number,
  ): Promise<
    { allowed: true; reservations: Reservation[] } | { allowed: false; retryAt: number | null }
  >;
  /** Release (or cancel) several reservations in one transaction. */
  settleAll(reservations: Reservation[], outcome: 'succeeded' | 'cancelled'): Promise<void>;
}

/** Rolls a multi-limit reservation back when one of its limits refuses. */
class Refused extends Error {
  readonly retryAt: number | null;
  constructor(retryAt: number | null) {
    super('attempt refused');
    this.retryAt = retryAt;
  }
}

export function createAttemptLimiter(db: Kysely<Database>): AttemptLimiter {
  const forUpdate = isPostgres(db);
  /** Take a reservation's failure back under the row lock, never lowering a newer lock. */
  const settleIn = async (
    trx: Kysely<Database>,
    reservation: Reservation,
    outcome: 'succeeded' | 'cancelled',
  ) => {
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
  };
  const settle = (reservation: Reservation, outcome: 'succeeded' | 'cancelled') =>
    db.transaction().execute((trx) => settleIn(trx, reservation, outcome));
  /** Decide one attempt under the row lock and record it as failed until released. */
  const reserveIn = async (
    trx: Kysely<Database>,
    key: string,
    policy: AttemptPolicy,
    nowMs: number,
  ): Promise<ReserveResult> => {
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
    return { allowed: true, reservation };
  };
  return {
    reserve: (key, policy, nowMs) =>
      db.transaction().execute((trx) => reserveIn(trx, key, policy, nowMs)),
    reserveAll: async (limits, nowMs) => {
      try {
        const reservations = await db.transaction().execute(async (trx) => {
          const reserved: Reservation[] = [];
          for (const { key, policy } of limits) {
            const result = await reserveIn(trx, key, policy, nowMs);
            if (!result.allowed) throw new Refused(result.retryAt);
            reserved.push(result.reservation);
          }
          return reserved;
        });
        return { allowed: true as const, reservations };
      } catch (error) {
        if (error instanceof Refused) return { allowed: false as const, retryAt: error.retryAt };
        throw error;
      }
    },
    settleAll: (reservations, outcome) =>
      db.transaction().execute(async (trx) => {
        for (const reservation of reservations) await settleIn(trx, reservation, outcome);
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

/**
 * Reserve-then-verify: `reserveAll(limits)` atomically decides and records the attempt as a
 * failure under each limit; `settleAll(reservations, 'succeeded')` undoes it when the secret was
 * right. Stored in the database, so every
 * identity instance shares the counters and they survive a restart.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { AttemptCounterTable, Database } from '../db/database.ts';
import { isPostgres } from '../db/dialect.ts';
import { preparedQuery, slot } from '../db/prepared-query.ts';
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

export interface AttemptLimiter {
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
  /**
   * Settle several reservations in one transaction: `succeeded` (the secret was right) forgets
   * the failure each counted, per its policy; `cancelled` (never evaluated) takes back exactly it.
   */
  settleAll(reservations: Reservation[], outcome: 'succeeded' | 'cancelled'): Promise<void>;
  /**
   * The same, in the caller's transaction (`trx`): a success settled in the transaction that
   * records it (the code's step consumed, the flow advanced) commits with it or not at all.
   */
  settleAllIn(
    trx: Kysely<Database>,
    reservations: Reservation[],
    outcome: 'succeeded' | 'cancelled',
  ): Promise<void>;
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
  const statements = counterStatements(db, isPostgres(db));
  const reserveAll: AttemptLimiter['reserveAll'] = async (limits, nowMs) => {
    try {
      const reservations = await db.transaction().execute(async (trx) => {
        const rows = await lockCounterRows(
          trx,
          statements,
          limits.map(({ key }) => ({ key, nowMs })),
        );
        const reserved: Reservation[] = [];
        // In the limits' order: a refused address never counts against the account after it.
        for (const { key, policy } of limits) {
          const row = rows.get(key) as CounterRow;
          const decision = decideAttempt(stateOf(row), nowMs, policy);
          if (!decision.allowed) throw new Refused(decision.retryAt);
          reserved.push({
            key,
            state: decision.ifFailed,
            previousLockedUntil: row.locked_until,
            policy,
          });
        }
        await writeStates(
          trx,
          statements,
          reserved.map(({ key, state }) => ({ key, state })),
        );
        return reserved;
      });
      return { allowed: true as const, reservations };
    } catch (error) {
      if (error instanceof Refused) return { allowed: false as const, retryAt: error.retryAt };
      throw error;
    }
  };
  /** Take reservations' failures back under the row locks, never lowering a newer lock. */
  const settleAllIn: AttemptLimiter['settleAllIn'] = async (trx, reservations, outcome) => {
    if (!trx.isTransaction) throw new Error('settleAllIn runs in a transaction');
    // The rows stay: deleting one would let a parallel reservation find no row to lock between
    // its insert and its select. A row an administrator cleared meanwhile has nothing left to
    // give back: it is not made again.
    const rows = await lockExistingRows(
      trx,
      statements,
      reservations.map(({ key }) => key),
    );
    await writeStates(
      trx,
      statements,
      reservations.flatMap((reservation) => {
        const row = rows.get(reservation.key);
        if (row === undefined) return [];
        const state = settleAttempt(stateOf(row), reservation, outcome, reservation.policy);
        return [{ key: reservation.key, state }];
      }),
    );
  };
  return {
    reserveAll,
    settleAll: (reservations, outcome) =>
      db.transaction().execute((trx) => settleAllIn(trx, reservations, outcome)),
    settleAllIn,
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

type CounterRow = Selectable<AttemptCounterTable>;

function stateOf(row: CounterRow): AttemptState {
  return {
    failures: row.failures,
    windowStartedAt: row.window_started_at,
    lockedUntil: row.locked_until,
  };
}

/**
 * The three statements of a check, for `count` keys, compiled by Kysely once per count
 * (db/prepared-query.ts); a check has one to three keys, so a handful are ever made.
 */
function counterStatements(db: Kysely<Database>, forUpdate: boolean) {
  const made = new Map<number, ReturnType<typeof compileCounterStatements>>();
  return (count: number) => {
    let compiled = made.get(count);
    if (compiled === undefined) {
      compiled = compileCounterStatements(db, forUpdate, count);
      made.set(count, compiled);
    }
    return compiled;
  };
}

type CounterStatements = ReturnType<typeof counterStatements>;

function compileCounterStatements(db: Kysely<Database>, forUpdate: boolean, count: number) {
  const at = Array.from({ length: count }, (_, i) => i);
  const names = (prefix: string) => at.map((i) => `${prefix}${i}`);
  const select = db
    .selectFrom('attempt_counters')
    .selectAll()
    .where(
      'key',
      'in',
      at.map((i) => slot<string>(`key${i}`)),
    )
    .orderBy('key');
  return {
    insert: preparedQuery(
      db
        .insertInto('attempt_counters')
        .values(
          at.map((i) => ({
            key: slot<string>(`key${i}`),
            failures: 0,
            window_started_at: slot<number>(`now${i}`),
            locked_until: null,
          })),
        )
        .onConflict((oc) => oc.column('key').doNothing()),
      [...names('key'), ...names('now')],
    ),
    select: preparedQuery(forUpdate ? select.forUpdate() : select, names('key')),
    write: preparedQuery(
      db
        .insertInto('attempt_counters')
        .values(
          at.map((i) => ({
            key: slot<string>(`key${i}`),
            failures: slot<number>(`failures${i}`),
            window_started_at: slot<number>(`window${i}`),
            locked_until: slot<number | null>(`locked${i}`),
          })),
        )
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            failures: eb.ref('excluded.failures'),
            window_started_at: eb.ref('excluded.window_started_at'),
            locked_until: eb.ref('excluded.locked_until'),
          })),
        ),
      [...names('key'), ...names('failures'), ...names('window'), ...names('locked')],
    ),
  };
}

/**
 * Make the rows exist, then lock them, so that every attempt on a key is serialized (row locks
 * taken in key order on PostgreSQL, so that two attempts on overlapping keys cannot deadlock;
 * SQLite runs one transaction at a time). Three statements for any number of keys. An
 * administrator's `clear` may delete a row in between: then insert it again.
 */
async function lockCounterRows(
  trx: Kysely<Database>,
  statements: CounterStatements,
  entries: Array<{ key: string; nowMs: number }>,
): Promise<Map<string, CounterRow>> {
  const keys = entries.map(({ key }) => key);
  if (new Set(keys).size !== keys.length) throw new Error('one attempt counts once per key');
  const { insert, select } = statements(entries.length);
  const values: Record<string, unknown> = {};
  for (const [i, { key, nowMs }] of entries.entries()) {
    values[`key${i}`] = key;
    values[`now${i}`] = nowMs;
  }
  for (let tries = 0; tries < 3; tries += 1) {
    await trx.executeQuery(insert(values));
    const { rows: found } = await trx.executeQuery(select(values));
    const rows = new Map(found.map((row) => [row.key, row]));
    if (rows.size === keys.length) return rows;
  }
  throw new Error(`attempt counters ${keys.join(', ')} could not be locked`);
}

/** Lock the rows of these keys that exist (PostgreSQL's row locks, in key order). */
async function lockExistingRows(
  trx: Kysely<Database>,
  statements: CounterStatements,
  keys: string[],
): Promise<Map<string, CounterRow>> {
  const values = Object.fromEntries(keys.map((key, i) => [`key${i}`, key]));
  const { rows } = await trx.executeQuery(statements(keys.length).select(values));
  return new Map(rows.map((row) => [row.key, row]));
}

/** Write the counters' new states in one statement. */
async function writeStates(
  trx: Kysely<Database>,
  statements: CounterStatements,
  states: Array<{ key: string; state: AttemptState }>,
): Promise<void> {
  if (states.length === 0) return;
  const values: Record<string, unknown> = {};
  for (const [i, { key, state }] of states.entries()) {
    values[`key${i}`] = key;
    values[`failures${i}`] = state.failures;
    values[`window${i}`] = state.windowStartedAt;
    values[`locked${i}`] = state.lockedUntil;
  }
  await trx.executeQuery(statements(states.length).write(values));
}

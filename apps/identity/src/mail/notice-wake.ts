/**
 * Waking the notices' delivery loop of this process when a notice is queued. The audit record
 * that queues it knows only its database handle (often a transaction), so loops register under
 * what a database and all its transactions share: its Kysely adapter. On SQLite the woken pass
 * waits for the one connection, so it reads after the transaction committed; on PostgreSQL the
 * loop looks again shortly after (notice-delivery.ts). Other processes find the notice at their
 * next poll.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

const loops = new Map<unknown, Set<() => void>>();

function keyOf(db: Kysely<Database>): unknown {
  return db.getExecutor().adapter;
}

/** Register a loop's wake-up for this database; returns the function that unregisters it. */
export function onNoticeQueued(db: Kysely<Database>, wake: () => void): () => void {
  const key = keyOf(db);
  const set = loops.get(key) ?? new Set();
  set.add(wake);
  loops.set(key, set);
  return () => {
    set.delete(wake);
    if (set.size === 0) loops.delete(key);
  };
}

export function wakeNoticeLoops(db: Kysely<Database>): void {
  for (const wake of loops.get(keyOf(db)) ?? []) wake();
}

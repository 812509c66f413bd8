/**
 * oidc-provider saves its records one at a time: coming back from a sign-in (`/oidc/auth/:uid`)
 * it deletes the interaction and saves the session, the grant and the authorization code; the
 * token request saves an access token and a refresh token. Each save was its own statement and
 * its own commit — on SQLite a commit writes every page it changed to the WAL, the better part
 * of a statement's cost (bench/README.md).
 *
 * So a request to the provider runs with a batch (`withWriteBatch`, in create-provider.ts): the
 * adapter (kysely-adapter.ts) queues its saves and deletions instead of running them, and the
 * batch commits them in one transaction when the provider is done with the request — before its
 * response is written, so nothing that the response tells the browser or the client about is
 * missing from the database once they have it. Within the request, the adapter reads a record
 * it queued from the batch; any other read of the model (by uid, by user code), a consumption
 * (single use must be decided by the database: G-31) and a revocation commit the batch first,
 * so every statement still sees what the request did before it. A record the request read from
 * the database (its session, its grant) is saved back as an update of that row, never made
 * again: revoked meanwhile by an account operation (G-28), the update finds nothing and the
 * request's whole batch is refused (`RevokedMeanwhile`), so a request that started before a
 * « Se déconnecter partout » brings nothing back to life. Outside a provider request
 * (the account operations) nothing is queued, but where a sign-in page's own work asks for it
 * (`queueWrites`): a finished sign-in's interaction is saved in the transaction that ends its flow.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { isPostgres } from '../db/dialect.ts';

/** What a read in the same request gets back of a queued save: the payload as stored (JSON). */
export interface QueuedSave {
  payload: string;
  /** ms; null: no expiry. */
  expiresAt: number | null;
}

/** A queued save, or deletion (no `saved`). */
interface QueuedWrite {
  query: CompiledQuery;
  saved?: QueuedSave;
  /**
   * The save or deletion of a record this request read from the database, which must find it.
   * Gone meanwhile (revoked by an account operation: G-28), nothing of the request is saved.
   */
  mustExist?: boolean;
  /** The account the record belongs to, if any (see `commit`). */
  accountId?: string | null;
}

/** A record this request read and saves back was deleted meanwhile: the request saves nothing. */
export class RevokedMeanwhile extends Error {
  constructor(model: string) {
    super(`${model} revoked while the request was using it`);
    this.name = 'RevokedMeanwhile';
  }
}

export class WriteBatch {
  readonly #db: Kysely<Database>;
  /** By model and id, in the order first written; a later write of a record replaces its own. */
  readonly #writes = new Map<string, QueuedWrite & { model: string }>();
  /** The records this request read from the database (model and id), and not deleted since. */
  readonly #read = new Set<string>();

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  queue(model: string, id: string, write: QueuedWrite): void {
    const key = `${model}\u0000${id}`;
    if (write.saved === undefined) this.#read.delete(key);
    this.#writes.set(key, { ...write, model });
  }

  /** Note a record read from the database: saving it back updates it, if it is still there. */
  noteRead(model: string, id: string): void {
    this.#read.add(`${model}\u0000${id}`);
  }

  wasRead(model: string, id: string): boolean {
    return this.#read.has(`${model}\u0000${id}`);
  }

  /** The record as this request left it: `undefined` if not written here, `null` if deleted. */
  read(model: string, id: string): QueuedWrite['saved'] | null | undefined {
    const write = this.#writes.get(`${model}\u0000${id}`);
    if (write === undefined) return undefined;
    return write.saved ?? null;
  }

  /**
   * Commit what is queued, in one transaction (none if there is one write), or run it in `trx`,
   * a transaction of the caller's that commits it with the caller's own writes.
   */
  async commit(trx?: Kysely<Database>): Promise<void> {
    if (this.#writes.size === 0) return;
    const writes = [...this.#writes.values()];
    this.#writes.clear();
    // PostgreSQL: first a share lock on the accounts the writes belong to, the row an account's
    // revocation locks for update before it deletes (revokeAccountOidcState): the two then take
    // their turns instead of locking oidc_models' rows in opposite orders (a deadlock).
    const accounts = [...new Set(writes.flatMap((write) => write.accountId ?? []))].sort();
    const lockAccounts = isPostgres(this.#db) && accounts.length > 0;
    const run = async (into: Kysely<Database>) => {
      if (lockAccounts)
        await into
          .selectFrom('accounts')
          .select('id')
          .where('id', 'in', accounts)
          .orderBy('id')
          .forShare()
          .execute();
      for (const { query, mustExist, model } of writes) {
        const { numAffectedRows } = await into.executeQuery(query);
        // Thrown inside the transaction, which then stores none of the request's writes.
        if (mustExist === true && Number(numAffectedRows ?? 0) !== 1)
          throw new RevokedMeanwhile(model);
      }
    };
    if (trx !== undefined) await run(trx);
    else if (writes.length === 1 && !lockAccounts) await run(this.#db);
    else await this.#db.transaction().execute(run);
  }
}

const current = new AsyncLocalStorage<WriteBatch>();

/** The batch of the provider request being served, if any. */
export function currentWriteBatch(): WriteBatch | undefined {
  return current.getStore();
}

/**
 * Run `next` (the provider's handling of one request) with a batch, and commit it when `next` is
 * done, whether it succeeded or not: what the provider saved before an error is saved, as it
 * was when each save was its own statement.
 */
export async function withWriteBatch(db: Kysely<Database>, next: () => Promise<void>) {
  const batch = new WriteBatch(db);
  try {
    await current.run(batch, next);
  } finally {
    await batch.commit();
  }
}

/**
 * Run `work` (saves of the provider's models outside a provider request) with a batch and hand
 * the batch back uncommitted: the caller commits it in its own transaction (`batch.commit(trx)`),
 * so that those saves and the caller's writes are stored together or not at all.
 */
export async function queueWrites(
  db: Kysely<Database>,
  work: () => Promise<unknown>,
): Promise<WriteBatch> {
  const batch = new WriteBatch(db);
  await current.run(batch, work);
  return batch;
}

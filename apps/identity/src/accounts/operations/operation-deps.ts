/**
 * What every account operation needs, and the one way it runs: a single transaction that does the
 * change, ends what the change must end, and writes the audit record naming the actor — all of it
 * or none of it.
 */
import type { Kysely } from 'kysely';
import { type AuditEvent, recordAuditEvent } from '../../audit/record-audit-event.ts';
import type { Database } from '../../db/database.ts';
import { revokeAccountOidcState } from '../../oidc/kysely-adapter.ts';
import { revokeAccountRememberedBrowsers } from '../../remember-browser/queries.ts';
import { deleteAccountFlows } from '../../sign-in/queries.ts';
import { type Actor, describeActor } from './actor.ts';

export interface OperationDeps {
  db: Kysely<Database>;
  now: () => number;
}

/** Where the request came from, for the audit trail (absent for the CLI). */
export type OperationOrigin = Pick<AuditEvent, 'ip' | 'userAgent' | 'requestId'>;

export async function runOperation<T>(
  deps: OperationDeps,
  actor: Actor,
  /** The record; or, for an operation that makes what it names (an account), made from its result. */
  audit: Omit<AuditEvent, 'actor'> | ((result: T) => Omit<AuditEvent, 'actor'>),
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const run = async (trx: Kysely<Database>) => {
    const result = await work(trx);
    const event = typeof audit === 'function' ? audit(result) : audit;
    await recordAuditEvent(trx, { ...event, actor: describeActor(actor) }, deps.now());
    return result;
  };
  return deps.db.isTransaction ? run(deps.db) : deps.db.transaction().execute(run);
}

/**
 * End everything an account holds in progress (G-28, G-41): provider sessions, grants and tokens,
 * sign-in flows not yet finished (with the activations they asked for), and the browsers it chose
 * to remember. `keepSessionId`: the one provider session (with its grants) that stays — the
 * browser that changed its own password stays signed in, every other one is signed out.
 */
export async function endAccountState(
  trx: Kysely<Database>,
  accountId: string,
  options: { nowMs: number; keepSessionId?: string },
): Promise<{ oidcRecords: number; flows: number }> {
  const oidcRecords = await revokeAccountOidcState(trx, accountId, options.keepSessionId);
  const flows = await deleteAccountFlows(trx, accountId);
  await revokeAccountRememberedBrowsers(trx, accountId, options.nowMs);
  return { oidcRecords, flows };
}

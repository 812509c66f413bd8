/**
 * The sent codes' own rows: each code is a `challenges` row of the method's kind (bound to the
 * account, the flow and the authenticator, with the code's keyed hash and where it went), and each
 * authenticator keeps the address or number its enrollment confirmed (`sent_code_destinations`).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Challenge } from '../challenge-queries.ts';
import type { Authenticator } from '../factor.ts';

export interface CodeTarget {
  accountId: string;
  flowId: string;
  authenticatorId: string;
  kind: string;
}

/** The flow's code for this authenticator still waiting for its answer, if any. */
export async function findPendingCode(
  db: Kysely<Database>,
  target: CodeTarget,
  nowMs: number,
): Promise<Challenge | undefined> {
  return db
    .selectFrom('challenges')
    .selectAll()
    .where('account_id', '=', target.accountId)
    .where('flow_id', '=', target.flowId)
    .where('authenticator_id', '=', target.authenticatorId)
    .where('kind', '=', target.kind)
    .where('status', '=', 'pending')
    .where('expires_at', '>', nowMs)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** The flow's pending (not yet confirmed) authenticator of a sent-code method, the newest. */
export async function findFlowPending(
  db: Kysely<Database>,
  target: { accountId: string; flowId: string; kind: string },
): Promise<Authenticator | undefined> {
  return db
    .selectFrom('authenticators')
    .selectAll()
    .where('account_id', '=', target.accountId)
    .where('flow_id', '=', target.flowId)
    .where('kind', '=', target.kind)
    .where('status', '=', 'pending')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** A code that could not be delivered stops waiting. */
export async function cancelCode(db: Kysely<Database>, id: string, nowMs: number): Promise<void> {
  await db
    .updateTable('challenges')
    .set({ status: 'cancelled', decided_at: nowMs })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export async function storeDestination(
  db: Kysely<Database>,
  authenticatorId: string,
  destination: string,
): Promise<void> {
  await db
    .insertInto('sent_code_destinations')
    .values({ authenticator_id: authenticatorId, destination })
    .onConflict((oc) => oc.column('authenticator_id').doUpdateSet({ destination }))
    .execute();
}

export async function readDestination(
  db: Kysely<Database>,
  authenticatorId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('sent_code_destinations')
    .select('destination')
    .where('authenticator_id', '=', authenticatorId)
    .executeTakeFirst();
  return row?.destination;
}

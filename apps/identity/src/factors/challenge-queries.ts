/**
 * Challenges: whatever waits on the user — a push to approve, an emailed code, a WebAuthn
 * challenge — as one row each (ADR 0004), bound to an account and a sign-in flow, expiring, and
 * settled by one atomic statement each: `UPDATE … WHERE status = 'pending' … RETURNING`, never
 * read-then-write, so that of two parallel answers exactly one counts.
 */
import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { ChallengeTable, Database } from '../db/database.ts';

export type Challenge = Selectable<ChallengeTable>;

export interface NewChallenge {
  /** Its id, when the caller needs it beforehand (to bind a keyed hash to it); a new UUID otherwise. */
  id?: string;
  kind: string;
  accountId: string;
  flowId: string | null;
  authenticatorId: string | null;
  /** A keyed hash of the answer expected, when there is one (a code). */
  secretHash?: string | null;
  payload?: Record<string, unknown>;
  nowMs: number;
  ttlSeconds: number;
}

/**
 * Begin a challenge. A flow has at most one pending challenge of a kind: a new one cancels the
 * previous (a new push replaces the one before, G-49), in the same transaction.
 */
export async function createChallenge(
  db: Kysely<Database>,
  input: NewChallenge,
): Promise<Challenge> {
  const run = async (trx: Kysely<Database>) => {
    if (input.flowId !== null) {
      await trx
        .updateTable('challenges')
        .set({ status: 'cancelled', decided_at: input.nowMs })
        .where('flow_id', '=', input.flowId)
        .where('kind', '=', input.kind)
        .where('status', '=', 'pending')
        .execute();
    }
    return trx
      .insertInto('challenges')
      .values({
        id: input.id ?? randomUUID(),
        kind: input.kind,
        account_id: input.accountId,
        flow_id: input.flowId,
        authenticator_id: input.authenticatorId,
        status: 'pending',
        secret_hash: input.secretHash ?? null,
        payload: JSON.stringify(input.payload ?? {}),
        created_at: input.nowMs,
        expires_at: input.nowMs + input.ttlSeconds * 1000,
        decided_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/**
 * When the account's challenges of a kind were created since `sinceMs` — of every flow, or of one
 * (`flowId`) — newest first.
 */
export async function recentChallengeTimes(
  db: Kysely<Database>,
  input: { accountId: string; kind: string; sinceMs: number; limit: number; flowId?: string },
): Promise<number[]> {
  let query = db
    .selectFrom('challenges')
    .select('created_at')
    .where('kind', '=', input.kind)
    .where('account_id', '=', input.accountId)
    .where('created_at', '>', input.sinceMs);
  if (input.flowId !== undefined) query = query.where('flow_id', '=', input.flowId);
  const rows = await query.orderBy('created_at', 'desc').limit(input.limit).execute();
  return rows.map((row) => Number(row.created_at));
}

/** Which challenge an answer is for: its id, and the account and flow it must belong to. */
export interface ChallengeTarget {
  id: string;
  accountId: string;
  /** The flow it must belong to (null: a challenge outside a sign-in, such as a step-up). */
  flowId: string | null;
}

/**
 * Settle a pending, unexpired challenge once: `approved`/`denied` (a decision from the device) or
 * `consumed` (an answer checked in place, such as a code). Returns the row as settled, or nothing
 * when it was not pending, has expired, or is not this account's (or flow's).
 */
export async function settleChallenge(
  db: Kysely<Database>,
  target: ChallengeTarget,
  outcome: 'approved' | 'denied' | 'consumed',
  nowMs: number,
  where: { secretHash?: string; kind?: string } = {},
): Promise<Challenge | undefined> {
  let query = db
    .updateTable('challenges')
    .set({ status: outcome, decided_at: nowMs })
    .where('id', '=', target.id)
    .where('account_id', '=', target.accountId)
    .where('status', '=', 'pending')
    .where('expires_at', '>', nowMs);
  query = query.where(inFlowOf(target));
  if (where.secretHash !== undefined) query = query.where('secret_hash', '=', where.secretHash);
  // Only a challenge of the kind the answer is for (a passkey's answer settles no push).
  if (where.kind !== undefined) query = query.where('kind', '=', where.kind);
  return query.returningAll().executeTakeFirst();
}

/**
 * The waiting page takes the result of an approved challenge once: `approved` → `consumed`, so
 * that one approval completes one sign-in step.
 */
export async function consumeApproval(
  db: Kysely<Database>,
  target: ChallengeTarget,
  nowMs: number,
): Promise<Challenge | undefined> {
  let query = db
    .updateTable('challenges')
    .set({ status: 'consumed', decided_at: nowMs })
    .where('id', '=', target.id)
    .where('account_id', '=', target.accountId)
    .where('status', '=', 'approved')
    // An approval is taken within the challenge's life only.
    .where('expires_at', '>', nowMs);
  query = query.where(inFlowOf(target));
  return query.returningAll().executeTakeFirst();
}

export async function findChallenge(
  db: Kysely<Database>,
  target: ChallengeTarget,
): Promise<Challenge | undefined> {
  let query = db
    .selectFrom('challenges')
    .selectAll()
    .where('id', '=', target.id)
    .where('account_id', '=', target.accountId);
  query = query.where(inFlowOf(target));
  return query.executeTakeFirst();
}

/** The challenge's flow must be the target's (or none, for a challenge outside a sign-in). */
function inFlowOf(target: ChallengeTarget) {
  return (eb: ExpressionBuilder<Database, 'challenges'>) =>
    target.flowId === null ? eb('flow_id', 'is', null) : eb('flow_id', '=', target.flowId);
}

/** The channel a challenge's changes are told on (events/stream-until-settled.ts). */
export function challengeChannel(challengeId: string): string {
  return `challenge:${challengeId}`;
}

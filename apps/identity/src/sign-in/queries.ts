/**
 * Sign-in flows: one row per oidc-provider interaction, bound to the browser by a flow cookie
 * whose SHA-256 only is stored. The token is replaced after every step (G-25).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, FlowHostKind } from '../db/database.ts';
import { perBackend, preparedQuery, slot } from '../db/prepared-query.ts';
import type { FlowState, PassedStep } from './flow.ts';

export interface FlowRow extends FlowState {
  id: string;
  host: FlowHostKind;
  /** Where a step-up returns once done. */
  returnTo: string | null;
  /** When a step-up finished (null while it runs). */
  finishedAt: number | null;
  createdAt: number;
  expiresAt: number;
}

export function hashFlowToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * The flow `id` of `host` that this browser's token opens, unexpired. A finished step-up is found
 * only when asked for (`finished: true`): it is a proof then, no longer a flow to run.
 */
export async function findFlow(
  db: Kysely<Database>,
  which: { id: string; host: FlowHostKind; finished?: boolean },
  token: string | undefined,
  nowMs: number,
): Promise<FlowRow | undefined> {
  if (token === undefined) return undefined;
  const { find, findFinished } = flowStatements(db);
  const query = (which.finished === true ? findFinished : find)({
    id: which.id,
    host: which.host,
    tokenHash: hashFlowToken(token),
    now: nowMs,
  });
  const row = (await db.executeQuery(query)).rows[0];
  if (row === undefined) return undefined;
  return {
    id: row.id,
    host: row.host,
    accountId: row.account_id,
    stepsDone: JSON.parse(row.steps_done) as PassedStep[],
    returnTo: row.return_to,
    finishedAt: row.finished_at,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/** Start (or restart, before any step is done) the flow of an interaction for this browser. */
export async function startFlow(
  db: Kysely<Database>,
  id: string,
  token: string,
  nowMs: number,
  ttlSeconds: number,
): Promise<void> {
  const tokenHash = hashFlowToken(token);
  await db.executeQuery(
    flowStatements(db).start({ id, tokenHash, now: nowMs, expiresAt: nowMs + ttlSeconds * 1000 }),
  );
}

/**
 * Start a step-up for a signed-in account (ADR 0005): its own flow, with the steps its session
 * already passed (each with its time), returning to `returnTo` once done.
 */
export async function startStepUp(
  db: Kysely<Database>,
  input: {
    id: string;
    token: string;
    accountId: string;
    stepsDone: PassedStep[];
    returnTo: string;
    nowMs: number;
    ttlSeconds: number;
  },
): Promise<void> {
  await db
    .insertInto('sign_in_flows')
    .values({
      id: input.id,
      host: 'account',
      token_hash: hashFlowToken(input.token),
      account_id: input.accountId,
      steps_done: JSON.stringify(input.stepsDone),
      return_to: input.returnTo,
      created_at: input.nowMs,
      expires_at: input.nowMs + input.ttlSeconds * 1000,
    })
    .execute();
}

/** Where a step-up returns (what it was asked for), whoever's browser asks. */
export async function findStepUpReturn(
  db: Kysely<Database>,
  id: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('sign_in_flows')
    .select('return_to')
    .where('id', '=', id)
    .where('host', '=', 'account')
    .executeTakeFirst();
  return row?.return_to ?? undefined;
}

/**
 * A step-up is done: it stays, as the proof that this browser (its new token) passed a second
 * factor at `factorAt`, until `expiresAt`. Unless an account operation ended it meanwhile.
 */
export async function finishStepUp(
  db: Kysely<Database>,
  input: { id: string; token: string; factorAt: number; expiresAt: number },
): Promise<boolean> {
  const result = await db
    .updateTable('sign_in_flows')
    .set({
      token_hash: hashFlowToken(input.token),
      finished_at: input.factorAt,
      expires_at: input.expiresAt,
    })
    .where('id', '=', input.id)
    .where('host', '=', 'account')
    .where('finished_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Record a passed step and swap the flow token, in one statement guarded by the old token:
 * of two parallel submissions, only one advances the flow.
 */
export async function advanceFlow(
  db: Kysely<Database>,
  flow: FlowRow,
  oldToken: string,
  next: {
    accountId: string;
    passed: PassedStep;
    newToken: string;
    /** The password hash the step verified: the step counts only if it is still the account's. */
    verifiedPasswordHash?: string;
  },
): Promise<boolean> {
  const { advance, advanceWithPassword } = flowStatements(db);
  const values = {
    id: flow.id,
    accountId: next.accountId,
    stepsDone: JSON.stringify([...flow.stepsDone, next.passed]),
    tokenHash: hashFlowToken(next.newToken),
    oldTokenHash: hashFlowToken(oldToken),
  };
  const result = await db.executeQuery(
    next.verifiedPasswordHash === undefined
      ? advance({ ...values, passwordHash: undefined })
      : advanceWithPassword({ ...values, passwordHash: next.verifiedPasswordHash }),
  );
  return Number(result.numAffectedRows) === 1;
}

/** The flow statements of every sign-in, compiled once per backend (db/prepared-query.ts). */
const flowStatements = perBackend((db) => {
  const find = (finished: boolean) =>
    preparedQuery(
      db
        .selectFrom('sign_in_flows')
        .selectAll()
        .where('id', '=', slot<string>('id'))
        .where('host', '=', slot<FlowHostKind>('host'))
        .where('token_hash', '=', slot<string>('tokenHash'))
        .where('expires_at', '>', slot<number>('now'))
        .where('finished_at', finished ? 'is not' : 'is', null),
      ['id', 'host', 'tokenHash', 'now'],
    );
  const advance = (withPassword: boolean) =>
    preparedQuery(
      db
        .updateTable('sign_in_flows')
        .set({
          account_id: slot<string>('accountId'),
          steps_done: slot<string>('stepsDone'),
          token_hash: slot<string>('tokenHash'),
        })
        .where('id', '=', slot<string>('id'))
        .where('token_hash', '=', slot<string>('oldTokenHash'))
        // In the same statement: the account is still unlocked and, for the password step, still
        // has the password just verified — a lock or a new password committed meanwhile wins (G-41).
        .where((eb) => {
          let account = eb
            .selectFrom('accounts')
            .select('accounts.id')
            .where('accounts.id', '=', slot<string>('accountId'))
            .where('accounts.locked', '=', 0);
          if (withPassword)
            account = account.where('accounts.password_hash', '=', slot<string>('passwordHash'));
          return eb.exists(account);
        }),
      [
        'id',
        'accountId',
        'stepsDone',
        'tokenHash',
        'oldTokenHash',
        ...(withPassword ? (['passwordHash'] as const) : []),
      ],
    );
  return {
    find: find(false),
    findFinished: find(true),
    start: preparedQuery(
      db
        .insertInto('sign_in_flows')
        .values({
          id: slot<string>('id'),
          token_hash: slot<string>('tokenHash'),
          account_id: null,
          steps_done: '[]',
          created_at: slot<number>('now'),
          expires_at: slot<number>('expiresAt'),
        })
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet({
              token_hash: slot<string>('tokenHash'),
              created_at: slot<number>('now'),
              expires_at: slot<number>('expiresAt'),
            })
            .where('sign_in_flows.account_id', 'is', null),
        ),
      ['id', 'tokenHash', 'now', 'expiresAt'],
    ),
    advance: advance(false),
    advanceWithPassword: advance(true),
  };
});

/**
 * End a flow, and with it the activations it showed that no device redeemed (G-44) and the
 * challenges it still waits on. Returns whether the flow was there to end: one that an account
 * operation ended meanwhile must not complete (G-41).
 */
export async function deleteFlow(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await endFlows(db, { id })) === 1;
}

/**
 * End every sign-in flow of an account in progress (G-41): a lock, a new password or an MFA reset
 * leaves no flow that could still complete, nor anything the account's flows waited on.
 */
export async function deleteAccountFlows(db: Kysely<Database>, accountId: string): Promise<number> {
  return endFlows(db, { accountId });
}

/**
 * End one flow, or all of an account's; what they waited on dies with them (ADR 0004), in one
 * transaction (the caller's, when it has one).
 */
async function endFlows(
  db: Kysely<Database>,
  which: { id: string } | { accountId: string },
): Promise<number> {
  return db.isTransaction
    ? endFlowsIn(db, which)
    : db.transaction().execute((trx) => endFlowsIn(trx, which));
}

async function endFlowsIn(
  db: Kysely<Database>,
  which: { id: string } | { accountId: string },
): Promise<number> {
  const [column, value] =
    'id' in which ? (['id', which.id] as const) : (['account_id', which.accountId] as const);
  const flows = db.selectFrom('sign_in_flows').select('id').where(column, '=', value);
  await db
    .deleteFrom('activations')
    .where('flow_id', 'in', flows)
    .where('redeemed_at', 'is', null)
    .execute();
  const challenges = db
    .updateTable('challenges')
    .set({ status: 'cancelled' })
    .where('status', 'in', ['pending', 'approved']);
  // An account's operation also cancels its challenges outside a sign-in (a step-up).
  await ('accountId' in which
    ? challenges.where('account_id', '=', which.accountId)
    : challenges.where('flow_id', 'in', flows)
  ).execute();
  const result = await db.deleteFrom('sign_in_flows').where(column, '=', value).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Authenticators of every kind (Sesame Verify, other TOTP apps): listing, the atomic consumption
 * of a TOTP step, activation of a confirmed pending one, and removal. Only `active` ones count.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { isPostgres } from '../db/dialect.ts';
import type { PassedStep } from '../sign-in/flow.ts';
import type { Authenticator } from './factor.ts';
import { backupKinds } from './index.ts';

export type { Authenticator } from './factor.ts';

export async function listActiveAuthenticators(
  db: Kysely<Database>,
  accountId: string,
): Promise<Authenticator[]> {
  return db
    .selectFrom('authenticators')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('status', '=', 'active')
    .orderBy('created_at')
    .execute();
}

export async function findAuthenticator(
  db: Kysely<Database>,
  accountId: string,
  id: string,
): Promise<Authenticator | undefined> {
  return db
    .selectFrom('authenticators')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The active authenticators a sign-in flow enrolled, each with its device if it has one: the only
 * ones that flow's enrollment can complete with (G-40).
 */
export async function listFlowAuthenticators(
  db: Kysely<Database>,
  accountId: string,
  flowId: string,
): Promise<Array<Authenticator & { device_id: string | null }>> {
  return db
    .selectFrom('authenticators')
    .leftJoin('devices', 'devices.authenticator_id', 'authenticators.id')
    .selectAll('authenticators')
    .select('devices.id as device_id')
    .where('authenticators.account_id', '=', accountId)
    .where('authenticators.flow_id', '=', flowId)
    .where('authenticators.status', '=', 'active')
    .orderBy('authenticators.created_at')
    .execute();
}

/**
 * Record a use of an authenticator — or its activation, when its first code confirmed it (G-05):
 * only from the state expected (active, or pending), so a parallel change wins once.
 */
export async function markAuthenticatorUsed(
  db: Kysely<Database>,
  authenticatorId: string,
  nowMs: number,
  activate: boolean,
): Promise<boolean> {
  const result = await db
    .updateTable('authenticators')
    .set({
      last_used_at: nowMs,
      ...(activate ? { status: 'active' as const, activated_at: nowMs } : {}),
    })
    .where('id', '=', authenticatorId)
    .where('status', '=', activate ? 'pending' : 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Its owner names one of their active authenticators (the security page's « Renommer »). */
export async function renameAuthenticator(
  db: Kysely<Database>,
  input: { accountId: string; id: string; label: string },
  nowMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('authenticators')
    .set({ label: input.label, renamed_at: nowMs })
    .where('id', '=', input.id)
    .where('account_id', '=', input.accountId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Forget pending (never confirmed) authenticators older than the cut-off: abandoned enrollments. */
export async function deleteStalePendingAuthenticators(
  db: Kysely<Database>,
  accountId: string,
  olderThanMs: number,
): Promise<void> {
  await db
    .deleteFrom('authenticators')
    .where('account_id', '=', accountId)
    .where('status', '=', 'pending')
    .where('created_at', '<', olderThanMs)
    .execute();
}

/**
 * An administrator's reset (a trigger of the guide): every authenticator and device goes, and so
 * do the activations not yet redeemed, so that an old QR code cannot add a device afterwards.
 */
export async function deleteAllAuthenticators(
  db: Kysely<Database>,
  accountId: string,
): Promise<number> {
  // Inside the caller's transaction when there is one (the CLI counts devices in the same one).
  const inTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>) =>
    db.isTransaction ? work(db) : db.transaction().execute(work);
  return inTransaction(async (trx) => {
    await trx
      .deleteFrom('activations')
      .where('account_id', '=', accountId)
      .where('redeemed_at', 'is', null)
      .execute();
    const result = await trx
      .deleteFrom('authenticators')
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}

/** How many Sesame Verify devices an account has. */
export async function countDevices(db: Kysely<Database>, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('devices')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Before a flow activates a method: take the account's row lock (PostgreSQL; SQLite runs one
 * write transaction at a time) and say whether the account is unlocked and still has no active
 * method but those this flow enrolled — so of two flows enrolling at the same moment, the second
 * finds the first's method and adds none (G-40). Call inside the transaction that activates.
 */
export async function mayStillEnroll(
  trx: Kysely<Database>,
  accountId: string,
  flowId: string | null,
): Promise<boolean> {
  let lock = trx.selectFrom('accounts').select('locked').where('id', '=', accountId);
  if (isPostgres(trx)) lock = lock.forUpdate();
  const account = await lock.executeTakeFirst();
  // A locked (or removed) account adds no method, whatever page was open (G-41).
  if (account === undefined || account.locked === 1) return false;
  // A flow that verified one of the account's methods may add another (the security page's
  // « Ajouter une méthode », after a fresh second factor: G-23).
  if (flowId !== null && (await flowVerifiedSecondFactor(trx, flowId))) return true;
  const other = await trx
    .selectFrom('authenticators')
    .select('id')
    .where('account_id', '=', accountId)
    .where('status', '=', 'active')
    // Backup methods (recovery codes) are not an enrollment: an account with only those enrolls.
    .where('kind', 'not in', [...backupKinds(), ''])
    .where((eb) =>
      flowId === null
        ? eb.val(true)
        : eb.or([eb('flow_id', 'is', null), eb('flow_id', '!=', flowId)]),
    )
    .executeTakeFirst();
  return other === undefined;
}

/** Whether the flow passed a second factor by a verification (not by a remembered browser). */
async function flowVerifiedSecondFactor(trx: Kysely<Database>, flowId: string): Promise<boolean> {
  const flow = await trx
    .selectFrom('sign_in_flows')
    .select('steps_done')
    .where('id', '=', flowId)
    .executeTakeFirst();
  const steps = flow === undefined ? [] : (JSON.parse(flow.steps_done) as PassedStep[]);
  return steps.some((step) => step.step === 'mfa' && step.by === undefined);
}

/** Methods were taken away from the account: second factors passed before now are stale (G-23). */
export async function markMethodsChanged(
  db: Kysely<Database>,
  accountId: string,
  nowMs: number,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ methods_changed_at: nowMs })
    .where('id', '=', accountId)
    .execute();
}

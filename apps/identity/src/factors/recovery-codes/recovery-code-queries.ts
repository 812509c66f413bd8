/**
 * Recovery codes' own storage (ADR 0009): an account's set (its salt and hash cost) behind the
 * method's one authenticator, and its codes as hashes. A code is used by one atomic statement
 * (`UPDATE … WHERE used_at IS NULL … RETURNING`), so of two uses of one code, one wins (G-18).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import {
  decodeHashParams,
  encodeHashParams,
  type RecoveryCodeHashing,
} from './recovery-code-hash.ts';
import { recoveryCodesKind } from './recovery-codes-kind.ts';

export interface NewRecoveryCodeSet {
  authenticatorId: string;
  accountId: string;
  flowId: string | null;
  label: string;
  hashing: RecoveryCodeHashing;
  hashes: string[];
  nowMs: number;
}

/** Replace the account's set by a new one (call inside a transaction): the old codes all go. */
export async function replaceRecoveryCodeSet(
  trx: Kysely<Database>,
  set: NewRecoveryCodeSet,
): Promise<void> {
  // The old set's codes go with its authenticator (foreign keys, on delete cascade).
  await trx
    .deleteFrom('authenticators')
    .where('account_id', '=', set.accountId)
    .where('kind', '=', recoveryCodesKind)
    .execute();
  await trx
    .insertInto('authenticators')
    .values({
      id: set.authenticatorId,
      account_id: set.accountId,
      kind: recoveryCodesKind,
      status: 'active',
      label: set.label,
      created_at: set.nowMs,
      activated_at: set.nowMs,
      last_used_at: null,
      flow_id: set.flowId,
    })
    .execute();
  await trx
    .insertInto('recovery_code_sets')
    .values({
      authenticator_id: set.authenticatorId,
      salt: set.hashing.salt,
      hash_params: encodeHashParams(set.hashing.params),
      created_at: set.nowMs,
    })
    .execute();
  await trx
    .insertInto('recovery_codes')
    .values(
      set.hashes.map((hash, position) => ({
        authenticator_id: set.authenticatorId,
        position,
        code_hash: hash,
        used_at: null,
      })),
    )
    .execute();
}

/** How the set behind this authenticator was hashed; undefined when it has none. */
export async function readRecoveryCodeHashing(
  db: Kysely<Database>,
  authenticatorId: string,
): Promise<RecoveryCodeHashing | undefined> {
  const row = await db
    .selectFrom('recovery_code_sets')
    .select(['salt', 'hash_params'])
    .where('authenticator_id', '=', authenticatorId)
    .executeTakeFirst();
  const params = row === undefined ? undefined : decodeHashParams(row.hash_params);
  return row === undefined || params === undefined ? undefined : { salt: row.salt, params };
}

/** Use the code with this hash, once: true for the one statement that used it. */
export async function useRecoveryCode(
  db: Kysely<Database>,
  authenticatorId: string,
  codeHash: string,
  nowMs: number,
): Promise<boolean> {
  const used = await db
    .updateTable('recovery_codes')
    .set({ used_at: nowMs })
    .where('authenticator_id', '=', authenticatorId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .returning('position')
    .executeTakeFirst();
  return used !== undefined;
}

/** How many of the set's codes are still unused. */
export async function countUnusedRecoveryCodes(
  db: Kysely<Database>,
  authenticatorId: string,
): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('authenticator_id', '=', authenticatorId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The account's set of recovery codes, if it has one (its authenticator's id). */
export async function findRecoveryCodeSet(
  db: Kysely<Database>,
  accountId: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('authenticators')
    .select('id')
    .where('account_id', '=', accountId)
    .where('kind', '=', recoveryCodesKind)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

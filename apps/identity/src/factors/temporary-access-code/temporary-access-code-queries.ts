/** A temporary access code's rows: issued (replacing the account's earlier one), and used once. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { temporaryAccessCodeKind } from './temporary-access-code.ts';

export async function replaceTemporaryAccessCode(
  trx: Kysely<Database>,
  code: {
    authenticatorId: string;
    accountId: string;
    codeMac: string;
    label: string;
    issuedBy: string;
    nowMs: number;
    expiresAt: number;
  },
): Promise<void> {
  // One at a time: a new code ends the earlier one (its row goes with its authenticator).
  await trx
    .deleteFrom('authenticators')
    .where('account_id', '=', code.accountId)
    .where('kind', '=', temporaryAccessCodeKind)
    .execute();
  await trx
    .insertInto('authenticators')
    .values({
      id: code.authenticatorId,
      account_id: code.accountId,
      kind: temporaryAccessCodeKind,
      status: 'active',
      label: code.label,
      created_at: code.nowMs,
      activated_at: code.nowMs,
      last_used_at: null,
      flow_id: null,
    })
    .execute();
  await trx
    .insertInto('temporary_access_codes')
    .values({
      authenticator_id: code.authenticatorId,
      code_mac: code.codeMac,
      expires_at: code.expiresAt,
      issued_by: code.issuedBy,
    })
    .execute();
}

export async function readTemporaryAccessCode(db: Kysely<Database>, authenticatorId: string) {
  return db
    .selectFrom('temporary_access_codes')
    .select(['expires_at', 'issued_by'])
    .where('authenticator_id', '=', authenticatorId)
    .executeTakeFirst();
}

/**
 * The one statement that decides: this code, not expired, taken now — its authenticator deleted
 * (and its row by cascade). Of two uses, in parallel or not, one deletes it; the other finds none.
 */
export async function useTemporaryAccessCode(
  trx: Kysely<Database>,
  args: { authenticatorId: string; accountId: string; codeMac: string; nowMs: number },
): Promise<boolean> {
  const result = await trx
    .deleteFrom('authenticators')
    .where('id', '=', args.authenticatorId)
    .where('account_id', '=', args.accountId)
    .where('kind', '=', temporaryAccessCodeKind)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('temporary_access_codes')
          .select('authenticator_id')
          .where('authenticator_id', '=', args.authenticatorId)
          .where('code_mac', '=', args.codeMac)
          .where('expires_at', '>', args.nowMs),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Codes past their hour go (ops/purge-expired.ts): never offered once they cannot be used. */
export async function deleteExpiredTemporaryAccessCodes(
  db: Kysely<Database>,
  nowMs: number,
): Promise<number> {
  const result = await db
    .deleteFrom('authenticators')
    .where('kind', '=', temporaryAccessCodeKind)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('temporary_access_codes')
        .select('authenticator_id')
        .where('expires_at', '<=', nowMs),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

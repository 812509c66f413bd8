/**
 * Remembered browsers (issue 8 §5): made when the user ticks « Ne plus demander sur cet appareil »
 * at a second factor, used by one atomic statement at a later password step of the same account,
 * listed and revoked from the security page, and all revoked by the account operations that end
 * what the account holds (lock, new password, MFA reset, « Se déconnecter partout »).
 */
import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, RememberedBrowserTable } from '../db/database.ts';

export type RememberedBrowser = Selectable<RememberedBrowserTable>;

export function hashBrowserToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function insertRememberedBrowser(
  db: Kysely<Database>,
  row: {
    id: string;
    accountId: string;
    token: string;
    browser: string | null;
    system: string | null;
    nowMs: number;
    expiresAt: number;
  },
): Promise<void> {
  await db
    .insertInto('remembered_browsers')
    .values({
      id: row.id,
      account_id: row.accountId,
      token_hash: hashBrowserToken(row.token),
      browser: row.browser,
      system: row.system,
      created_at: row.nowMs,
      last_used_at: null,
      expires_at: row.expiresAt,
      revoked_at: null,
    })
    .execute();
}

/**
 * Use this browser's token for `accountId`, now: one statement that finds it only for that
 * account, unrevoked and unexpired, and records the use — a revocation committed first wins.
 */
export async function useRememberedBrowser(
  db: Kysely<Database>,
  input: { token: string; accountId: string; nowMs: number },
): Promise<string | undefined> {
  const row = await db
    .updateTable('remembered_browsers')
    .set({ last_used_at: input.nowMs })
    .where('token_hash', '=', hashBrowserToken(input.token))
    .where('account_id', '=', input.accountId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', input.nowMs)
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** The account's remembered browsers still counting, newest first. */
export async function listRememberedBrowsers(
  db: Kysely<Database>,
  accountId: string,
  nowMs: number,
): Promise<RememberedBrowser[]> {
  return db
    .selectFrom('remembered_browsers')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowMs)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revoke one of the account's remembered browsers; false when it was not there to revoke. */
export async function revokeRememberedBrowser(
  db: Kysely<Database>,
  input: { accountId: string; id: string; nowMs: number },
): Promise<boolean> {
  const result = await db
    .updateTable('remembered_browsers')
    .set({ revoked_at: input.nowMs })
    .where('id', '=', input.id)
    .where('account_id', '=', input.accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Revoke every remembered browser of the account (in the caller's operation transaction). */
export async function revokeAccountRememberedBrowsers(
  db: Kysely<Database>,
  accountId: string,
  nowMs: number,
): Promise<number> {
  const result = await db
    .updateTable('remembered_browsers')
    .set({ revoked_at: nowMs })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The phone number held on an account (E.164), where SMS codes go; set by an administrator. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';

export async function phoneNumberOf(
  db: Kysely<Database>,
  accountId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select('phone_number')
    .where('id', '=', accountId)
    .executeTakeFirst();
  return row?.phone_number ?? undefined;
}

/** `sesame users set-phone`: the number (already E.164), or null to remove it. */
export async function setPhoneNumber(
  db: Kysely<Database>,
  accountId: string,
  phoneNumber: string | null,
  nowMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set({ phone_number: phoneNumber, updated_at: nowMs })
    .where('id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The account's verified address: the only one Sesame mails a code, a reset link or a notice to
 * (issue 8 §6). An address is verified by the link sent to it (email-verification.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/** The account's address if it is verified; undefined otherwise (none, or not proved yet). */
export async function findVerifiedEmail(
  db: Kysely<Database>,
  accountId: string,
): Promise<string | undefined> {
  return (await findMailRecipient(db, accountId))?.email;
}

/** Who a mail to the account goes to: its verified address, its name and its language. */
export async function findMailRecipient(
  db: Kysely<Database>,
  accountId: string,
): Promise<{ email: string; name: string; locale: string | null } | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select(['email', 'name', 'locale'])
    .where('id', '=', accountId)
    .where('email', 'is not', null)
    .where('email_verified_at', 'is not', null)
    .executeTakeFirst();
  if (row === undefined || row.email === null) return undefined;
  return { email: row.email, name: row.name, locale: row.locale };
}

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

/** A mail to `email` on the account's behalf (its name and language): the old changed address. */
export async function findNamedRecipient(
  db: Kysely<Database>,
  accountId: string,
  email: string,
): Promise<{ email: string; name: string; locale: string | null } | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select(['name', 'locale'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  return row === undefined ? undefined : { email, name: row.name, locale: row.locale };
}

/**
 * Mark the account's current address verified without a link: only for the demo account of a
 * first start (its address is a made-up one whose mail stays in the development outbox).
 */
export async function markEmailVerified(
  db: Kysely<Database>,
  accountId: string,
  nowMs: number,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ email_verified_at: nowMs })
    .where('id', '=', accountId)
    .where('email', 'is not', null)
    .execute();
}

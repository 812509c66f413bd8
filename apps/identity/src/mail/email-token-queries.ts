/**
 * Single-use links sent by mail (address verification, password reset): a 256-bit token from a
 * CSPRNG in the link, only its SHA-256 at rest; consumed by one atomic UPDATE … RETURNING, bound
 * to one account and one purpose, expiring. A new link of an account and purpose ends the
 * previous ones.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database, EmailTokenTable } from '../db/database.ts';

export type EmailTokenPurpose = EmailTokenTable['purpose'];

export function hashEmailToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Make a link's token for the account (ending its earlier ones of this purpose); returns it. */
export async function issueEmailToken(
  db: Kysely<Database>,
  input: { accountId: string; purpose: EmailTokenPurpose; email: string; ttlMs: number },
  nowMs: number,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .updateTable('email_tokens')
    .set({ used_at: nowMs })
    .where('account_id', '=', input.accountId)
    .where('purpose', '=', input.purpose)
    .where('used_at', 'is', null)
    .execute();
  await db
    .insertInto('email_tokens')
    .values({
      id: randomUUID(),
      account_id: input.accountId,
      purpose: input.purpose,
      token_hash: hashEmailToken(token),
      email: input.email,
      created_at: nowMs,
      expires_at: nowMs + input.ttlMs,
      used_at: null,
    })
    .execute();
  return token;
}

/** This token, of this purpose, not used and not expired. */
function usable(
  eb: ExpressionBuilder<Database, 'email_tokens'>,
  token: string,
  purpose: EmailTokenPurpose,
  nowMs: number,
) {
  return eb.and([
    eb('token_hash', '=', hashEmailToken(token)),
    eb('purpose', '=', purpose),
    eb('used_at', 'is', null),
    eb('expires_at', '>', nowMs),
  ]);
}

/** Whether a token is still usable (a page shows its form only then); nothing is consumed. */
export async function findUsableEmailToken(
  db: Kysely<Database>,
  token: string,
  purpose: EmailTokenPurpose,
  nowMs: number,
): Promise<{ accountId: string; email: string } | undefined> {
  const row = await db
    .selectFrom('email_tokens')
    .select(['account_id', 'email'])
    .where((eb) => usable(eb, token, purpose, nowMs))
    .executeTakeFirst();
  return row && { accountId: row.account_id, email: row.email };
}

/** Take the token once: one UPDATE that only an unused, unexpired token of this purpose passes. */
export async function consumeEmailToken(
  db: Kysely<Database>,
  token: string,
  purpose: EmailTokenPurpose,
  nowMs: number,
): Promise<{ accountId: string; email: string } | undefined> {
  const row = await db
    .updateTable('email_tokens')
    .set({ used_at: nowMs })
    .where((eb) => usable(eb, token, purpose, nowMs))
    .returning(['account_id', 'email'])
    .executeTakeFirst();
  return row && { accountId: row.account_id, email: row.email };
}

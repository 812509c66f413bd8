/**
 * Invitations (issue 9, lifecycle): an account made without a password is mailed a link to choose
 * one. The link is the mail tokens' (mail/email-token-queries.ts): 256 random bits, only their
 * SHA-256 at rest, purpose `invitation`, 7 days, single use, and a new invitation of the account
 * ends the earlier link. What a link's token is now (usable, accepted, replaced, expired) is told
 * plainly: the token is the secret, so its state tells nothing to anyone else.
 */
import type { Kysely } from 'kysely';
import { noPasswordHash } from '../accounts/create-account.ts';
import type { Database } from '../db/database.ts';
import { hashEmailToken } from '../mail/email-token-queries.ts';
import { linkMail } from '../mail/link-mail.ts';
import type { Mailer } from '../mail/mailer.ts';

export const invitationTtlDays = 7;
export const invitationPath = '/invitation';

export interface InvitationMail {
  to: { email: string; name: string; locale: string | null };
  username: string;
  token: string;
}

export type InvitationState = 'usable' | 'accepted' | 'replaced' | 'expired' | 'unknown';

/** Mail the invitation's link (after the commit of the transaction that made its token). */
export async function mailInvitation(
  deps: { mailer: Mailer; publicUrl: string },
  invitation: InvitationMail,
): Promise<void> {
  const link = `${deps.publicUrl}${invitationPath}?token=${invitation.token}`;
  const vars = { days: String(invitationTtlDays), username: invitation.username };
  const keys = {
    subject: 'invitation.subject',
    body: 'invitation.body',
    ignore: 'invitation.ignore',
  } as const;
  await deps.mailer.send(linkMail(invitation.to, { ...keys, vars }, link));
}

/** Whether the account still waits for its invitation to be accepted (no password chosen). */
export async function isInvitationPending(
  db: Kysely<Database>,
  accountId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('accounts')
    .select('password_hash')
    .where('id', '=', accountId)
    .executeTakeFirst();
  return row?.password_hash === noPasswordHash;
}

/** What the link's token is now, for a page that says so plainly. */
export async function invitationState(
  db: Kysely<Database>,
  token: string,
  nowMs: number,
): Promise<InvitationState> {
  const row = await db
    .selectFrom('email_tokens')
    .innerJoin('accounts', 'accounts.id', 'email_tokens.account_id')
    .select(['email_tokens.used_at', 'email_tokens.expires_at', 'accounts.password_hash'])
    .where('email_tokens.token_hash', '=', hashEmailToken(token))
    .where('email_tokens.purpose', '=', 'invitation')
    .executeTakeFirst();
  if (row === undefined) return 'unknown';
  if (row.used_at !== null) return row.password_hash === noPasswordHash ? 'replaced' : 'accepted';
  return Number(row.expires_at) <= nowMs ? 'expired' : 'usable';
}

/**
 * Verifying an account's address (issue 8 §6): a single-use link, valid 24 hours, mailed to the
 * address the account holds; opening it and confirming marks that address verified — if it is
 * still the account's. Only a verified address is ever sent a code, a reset link or a notice.
 */
import type { Kysely } from 'kysely';
import { type AuditEvent, recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/database.ts';
import type { Locale } from '../ui/i18n/messages.ts';
import { consumeEmailToken, issueEmailToken } from './email-token-queries.ts';
import { linkMail } from './link-mail.ts';
import type { Mailer } from './mailer.ts';

export const verificationTtlHours = 24;
export const verifyEmailPath = '/email/verify';

export interface EmailMailDeps {
  db: Kysely<Database>;
  mailer: Mailer;
  now: () => number;
  publicUrl: string;
}

export type SendVerificationResult = 'sent' | 'no_email' | 'already_verified';

/** Mail the account's address a verification link (ending any earlier link). */
export async function sendVerificationLink(
  deps: EmailMailDeps,
  accountId: string,
): Promise<SendVerificationResult> {
  const account = await deps.db
    .selectFrom('accounts')
    .select(['email', 'email_verified_at', 'name', 'locale'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (account?.email == null) return 'no_email';
  if (account.email_verified_at !== null) return 'already_verified';
  const email = account.email;
  const token = await issueEmailToken(
    deps.db,
    { accountId, purpose: 'verify_email', email, ttlMs: verificationTtlHours * 3600_000 },
    deps.now(),
  );
  const link = `${deps.publicUrl}${verifyEmailPath}?token=${token}`;
  const vars = { hours: String(verificationTtlHours) };
  const keys = {
    subject: 'verifyEmail.subject',
    body: 'verifyEmail.body',
    ignore: 'verifyEmail.ignore',
  } as const;
  await deps.mailer.send(linkMail({ ...account, email }, { ...keys, vars }, link));
  return 'sent';
}

/**
 * Confirm an address with a link's token: consumed once, and the address the link was sent to
 * becomes verified only if the account still holds it. The page's language becomes the one of
 * the account's mail (its owner read it). Returns the account, or undefined.
 */
export async function verifyEmailWithToken(
  deps: Pick<EmailMailDeps, 'db' | 'now'>,
  token: string,
  options: { locale?: Locale; audit?: Omit<AuditEvent, 'type' | 'accountId'> } = {},
): Promise<string | undefined> {
  const nowMs = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const used = await consumeEmailToken(trx, token, 'verify_email', nowMs);
    if (used === undefined) return undefined;
    const result = await trx
      .updateTable('accounts')
      .set({ email_verified_at: nowMs, ...(options.locale ? { locale: options.locale } : {}) })
      .where('id', '=', used.accountId)
      .where('email', '=', used.email)
      .executeTakeFirst();
    // The account changed its address since: the link proved an address it no longer has.
    if (Number(result.numUpdatedRows) !== 1) return undefined;
    await recordAuditEvent(
      trx,
      { ...options.audit, type: 'account.email_verified', accountId: used.accountId },
      nowMs,
    );
    return used.accountId;
  });
}

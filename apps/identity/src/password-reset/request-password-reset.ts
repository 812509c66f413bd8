/**
 * « Mot de passe oublié ? »: what happens after the page has answered (the same answer, at once,
 * whatever follows — G-11). Under the limits (reset-limits.ts), an account that the identifier
 * names, not locked, with a verified address, is mailed a single-use link valid 30 minutes;
 * anything else sends nothing. The outcome is in the audit trail, never on the page.
 */
import type { Kysely } from 'kysely';
import { canonicalizeIdentifier } from '../accounts/canonical-identifier.ts';
import { findAccountByIdentifier } from '../accounts/queries.ts';
import { type AuditEvent, recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/database.ts';
import { issueEmailToken } from '../mail/email-token-queries.ts';
import { linkMail } from '../mail/link-mail.ts';
import type { Mailer } from '../mail/mailer.ts';
import { findMailRecipient } from '../mail/verified-email.ts';
import type { AttemptLimiter } from '../security/attempt-limiter.ts';
import { resetRequestLimits } from './reset-limits.ts';

export const resetTtlMinutes = 30;
export const resetPath = '/password/reset';

export interface ResetDeps {
  db: Kysely<Database>;
  mailer: Mailer;
  limiter: AttemptLimiter;
  now: () => number;
  publicUrl: string;
}

export interface ResetRequest {
  identifier: string;
  ip: string;
  /** The application the sign-in page was for (its « Me connecter » after the reset). */
  clientId: string | undefined;
  audit: Pick<AuditEvent, 'ip' | 'userAgent' | 'requestId'>;
}

export async function requestPasswordReset(deps: ResetDeps, request: ResetRequest) {
  const canonical = canonicalizeIdentifier(request.identifier);
  const account = canonical === '' ? undefined : await findAccountByIdentifier(deps.db, canonical);
  const nowMs = deps.now();
  const limits = resetRequestLimits(request.ip, account?.id);
  const reserved = await deps.limiter.reserveAll(limits, nowMs);
  if (account === undefined) return;
  const refuse = (reason: string) =>
    recordAuditEvent(
      deps.db,
      { ...request.audit, type: 'account.password_reset_requested', accountId: account.id, reason },
      nowMs,
    );
  if (!reserved.allowed) return refuse('throttled');
  if (account.locked) return refuse('account_locked');
  const to = await findMailRecipient(deps.db, account.id);
  // Only to a verified address (issue 8 §6): never to one the account merely holds.
  if (to === undefined) return refuse('no_verified_email');
  const token = await deps.db.transaction().execute(async (trx) => {
    const issued = await issueEmailToken(
      trx,
      {
        accountId: account.id,
        purpose: 'password_reset',
        email: to.email,
        ttlMs: resetTtlMinutes * 60_000,
      },
      nowMs,
    );
    const event = { ...request.audit, type: 'account.password_reset_requested' as const };
    await recordAuditEvent(trx, { ...event, accountId: account.id, reason: 'sent' }, nowMs);
    return issued;
  });
  const link = new URL(resetPath, deps.publicUrl);
  link.searchParams.set('token', token);
  if (request.clientId !== undefined) link.searchParams.set('client', request.clientId);
  const vars = { minutes: String(resetTtlMinutes) };
  const text = {
    subject: 'reset.subject',
    body: 'reset.body',
    ignore: 'reset.ignore',
    vars,
  } as const;
  await deps.mailer.send(linkMail(to, text, link.href));
}

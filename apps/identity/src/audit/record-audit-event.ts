/**
 * Audit trail of authentication events (G-37): UTC time, canonical account id, IP, user agent,
 * reason code, request id. Never a secret: no password, code or token is ever a field here.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AuditEventTable, Database } from '../db/database.ts';
import { perBackend, preparedQuery, slot } from '../db/prepared-query.ts';
import { queueNotice } from '../mail/notice-queries.ts';
import { noticeFor } from '../mail/notice-types.ts';
import { wakeNoticeLoops } from '../mail/notice-wake.ts';

export type AuditEventType =
  | 'sign_in.succeeded'
  | 'sign_in.failed'
  | 'sign_out'
  | 'account.created'
  | 'account.locked'
  | 'account.unlocked'
  | 'account.password_changed'
  | 'authenticator.added'
  | 'authenticator.removed'
  | 'authenticator.confirm_failed'
  | 'sign_in.second_factor_succeeded'
  | 'sign_in.second_factor_failed'
  | 'account.mfa_reset'
  | 'account.mfa_requirement_changed'
  | 'org.mfa_requirement_changed'
  | 'org.push_number_changed'
  | 'push.approved'
  | 'push.denied'
  | 'push.wrong_number'
  // The organization's side (issue 9): roles given and taken.
  | 'account.role_changed'
  | 'temporary_access_code.issued'
  | 'temporary_access_code.used'
  | 'api_token.created'
  | 'api_token.revoked'
  | 'account.renamed'
  | 'account.email_changed'
  | 'recovery_codes.generated'
  | 'recovery_code.used'
  // Passkeys (factors/webauthn/): a counter that went back, the sign-in without password's setting.
  | 'passkey.sign_count_regression'
  | 'org.passkey_sign_in_changed'
  // The security page and remembered browsers (issue 8 §4, §5).
  | 'authenticator.renamed'
  | 'account.signed_out_everywhere'
  | 'sign_in.remembered_browser'
  | 'remembered_browser.added'
  | 'remembered_browser.revoked'
  | 'org.remember_browser_changed'
  // Mail (issue 8 §6): address verification and password reset; a device registered (G-24).
  | 'account.email_verified'
  | 'account.password_reset_requested'
  | 'account.password_reset'
  | 'device.registered'
  // Email and SMS codes (issue 8 §3): the number SMS codes go to, set by an administrator.
  | 'account.phone_changed'
  // Client applications registered in the database (clients/operations/).
  | 'client.registered'
  | 'client.updated'
  | 'client.secret_rotated'
  | 'client.removed'
  // Signing keys (ADR 0014): a rotation, its new key's kid as the reason.
  | 'signing_key.rotated'
  // The organization's branding (branding/change-branding.ts).
  | 'org.name_changed'
  | 'org.logo_changed'
  | 'org.accent_changed'
  | 'org.support_changed'
  // Account lifecycle (issue 9): deletion, invitations, self-registration.
  | 'account.deleted'
  | 'account.invited'
  | 'account.invitation_accepted'
  | 'account.self_registered'
  | 'org.self_registration_changed'
  // Groups and the MFA policy (issue 9): who changed them; an enrollment put off in its grace.
  | 'group.created'
  | 'group.renamed'
  | 'group.deleted'
  | 'group.member_added'
  | 'group.member_removed'
  | 'org.mfa_policy_changed'
  | 'sign_in.enrollment_deferred';

export interface AuditEvent {
  type: AuditEventType;
  accountId?: string | null;
  clientId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  reason?: string | null;
  requestId?: string | null;
  /** Who acted (accounts/operations/actor.ts): `cli`, `admin:<id>`, `user:<id>`, `device:<id>`. */
  actor?: string | null;
  /** Where its notice goes, when not to the account's verified address (never recorded). */
  noticeTo?: string | null;
}

export type AuditRecord = Selectable<AuditEventTable>;

/**
 * Record an event; one that the account is told of by mail (mail/notice-types.ts) also queues
 * its notice, in the same transaction (the caller's, or one of its own): a notice exists if and
 * only if its event does, and it is mailed after the commit by the delivery loop (G-24).
 */
export async function recordAuditEvent(
  db: Kysely<Database>,
  event: AuditEvent,
  nowMs: number,
): Promise<void> {
  const accountId = event.accountId ?? null;
  if (accountId === null || noticeFor(event.type) === undefined)
    return insertAuditEvent(db, event, nowMs);
  const both = async (trx: Kysely<Database>) => {
    await insertAuditEvent(trx, event, nowMs);
    const notice = {
      eventType: event.type,
      reason: event.reason ?? null,
      ip: event.ip ?? null,
      toEmail: event.noticeTo ?? null,
    };
    await queueNotice(trx, { ...notice, accountId }, nowMs);
    wakeNoticeLoops(trx);
  };
  await (db.isTransaction ? both(db) : db.transaction().execute(both));
}

async function insertAuditEvent(
  db: Kysely<Database>,
  event: AuditEvent,
  nowMs: number,
): Promise<void> {
  await db.executeQuery(
    insertStatement(db)({
      occurredAt: nowMs,
      type: event.type,
      accountId: event.accountId ?? null,
      clientId: event.clientId ?? null,
      ip: event.ip ?? null,
      userAgent: event.userAgent?.slice(0, 512) ?? null,
      reason: event.reason ?? null,
      requestId: event.requestId ?? null,
      actor: event.actor ?? null,
    }),
  );
}

/** The insert of every event (two or more per sign-in), compiled once per backend. */
const insertStatement = perBackend((db) =>
  preparedQuery(
    db.insertInto('audit_events').values({
      occurred_at: slot<number>('occurredAt'),
      type: slot<AuditEventType>('type'),
      account_id: slot<string | null>('accountId'),
      client_id: slot<string | null>('clientId'),
      ip: slot<string | null>('ip'),
      user_agent: slot<string | null>('userAgent'),
      reason: slot<string | null>('reason'),
      request_id: slot<string | null>('requestId'),
      actor: slot<string | null>('actor'),
    }),
    [
      'occurredAt',
      'type',
      'accountId',
      'clientId',
      'ip',
      'userAgent',
      'reason',
      'requestId',
      'actor',
    ],
  ),
);

export async function listAuditEvents(
  db: Kysely<Database>,
  filter: { accountId?: string; limit: number },
): Promise<AuditRecord[]> {
  let query = db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  return query.execute();
}

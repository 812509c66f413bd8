/**
 * Which audit events are mailed to the account (G-24), and as which notice: the one table. An
 * audit event of one of these types, recorded for an account (audit/record-audit-event.ts),
 * queues its notice in the same transaction; the delivery loop (notice-delivery.ts) mails it to
 * the account's verified address. A new notifiable event is one line here and its text in
 * mail-catalogue.ts.
 */
import type { AuditEventType } from '../audit/record-audit-event.ts';

export type NoticeKind =
  | 'methodAdded'
  | 'methodRemoved'
  | 'methodsReset'
  | 'recoveryCodeUsed'
  | 'recoveryCodesGenerated'
  | 'passwordChanged'
  | 'passwordReset'
  | 'deviceRegistered'
  | 'pushDenied'
  | 'accessCodeIssued'
  | 'emailChanged';

const notices: Partial<Record<AuditEventType, NoticeKind>> = {
  'authenticator.added': 'methodAdded',
  'authenticator.removed': 'methodRemoved',
  'account.mfa_reset': 'methodsReset',
  'recovery_code.used': 'recoveryCodeUsed',
  'recovery_codes.generated': 'recoveryCodesGenerated',
  'account.password_changed': 'passwordChanged',
  'account.password_reset': 'passwordReset',
  'device.registered': 'deviceRegistered',
  'push.denied': 'pushDenied',
  // G-19: a way in without the usual second factor is never made silently.
  'temporary_access_code.issued': 'accessCodeIssued',
  // To the old address (the notice's own recipient): the new one proves itself by its link.
  'account.email_changed': 'emailChanged',
};

/** The notice an audit event of this type sends, if any. */
export function noticeFor(type: string): NoticeKind | undefined {
  return Object.hasOwn(notices, type) ? notices[type as AuditEventType] : undefined;
}

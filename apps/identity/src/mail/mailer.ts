/**
 * Mail that leaves Sesame: through SMTP when SESAME_SMTP_URL is set (mail/smtp-mailer.ts),
 * otherwise into the development outbox (mail/outbox-mailer.ts), shown at /dev/outbox and by
 * `npx sesame outbox`. Callers name the recipient, the subject and the text (and optionally HTML);
 * the sender is the configured SESAME_MAIL_FROM.
 */
import type { Kysely } from 'kysely';
import type { MailConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { createOutboxMailer } from './outbox-mailer.ts';
import { createSmtpMailer } from './smtp-mailer.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** The configured mailer: SMTP, or the development outbox in this database. */
export function createMailer(
  config: Readonly<MailConfig>,
  deps: { db: Kysely<Database>; now: () => number },
): Mailer & { close(): void } {
  if (config.smtpUrl !== undefined) return createSmtpMailer(config.smtpUrl, config.from);
  return { ...createOutboxMailer(deps), close: () => undefined };
}

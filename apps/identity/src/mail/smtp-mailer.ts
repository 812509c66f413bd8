/**
 * SMTP through nodemailer: one pooled transport for the process, from the configured URL
 * (smtp://user:pass@host:587 with STARTTLS when the server offers it, smtps:// for TLS at once).
 * A failure rejects `send`: the callers that must survive it (the notices' delivery) retry.
 */
import { createTransport } from 'nodemailer';
import type { Mailer } from './mailer.ts';

export function createSmtpMailer(smtpUrl: string, from: string): Mailer & { close(): void } {
  const transport = createTransport(smtpUrl, { from });
  return {
    async send(message) {
      await transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html === undefined ? {} : { html: message.html }),
      });
    },
    close: () => transport.close(),
  };
}

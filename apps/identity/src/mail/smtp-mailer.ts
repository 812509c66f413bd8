/**
 * SMTP through nodemailer: one pooled transport for the process, from the configured URL
 * (smtp://user:pass@host:587 with STARTTLS when the server offers it, smtps:// for TLS at once).
 * A failure rejects `send`: the callers that must survive it (the notices' delivery) retry.
 * nodemailer is loaded with the first message, not at start (≈ 140 ms and 5 MiB of heap:
 * bench/README.md, "Start-up").
 */
import type { Transporter } from 'nodemailer';
import type { Mailer } from './mailer.ts';

export function createSmtpMailer(smtpUrl: string, from: string): Mailer & { close(): void } {
  let transport: Promise<Transporter> | undefined;
  const open = () => {
    transport ??= import('nodemailer').then(({ createTransport }) =>
      createTransport(smtpUrl, { from }),
    );
    return transport;
  };
  return {
    async send(message) {
      await (await open()).sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html === undefined ? {} : { html: message.html }),
      });
    },
    close: () => {
      void transport?.then((opened) => opened.close());
    },
  };
}

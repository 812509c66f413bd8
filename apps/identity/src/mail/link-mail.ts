/** A mail that carries a single-use link (address verification, password reset). */
import { isLocale } from '../ui/i18n/messages.ts';
import { type MailKey, mailTextFor } from './mail-catalogue.ts';
import type { MailMessage } from './mailer.ts';

export function linkMail(
  to: { email: string; name: string; locale: string | null },
  text: { subject: MailKey; body: MailKey; ignore: MailKey; vars: Record<string, string> },
  link: string,
): MailMessage {
  const m = mailTextFor(isLocale(to.locale) ? to.locale : 'fr');
  const lines = [
    m('greeting', { name: to.name }),
    '',
    m(text.body, text.vars),
    link,
    '',
    m(text.ignore),
    '',
    m('signature'),
  ];
  return { to: to.email, subject: m(text.subject), text: `${lines.join('\n')}\n` };
}

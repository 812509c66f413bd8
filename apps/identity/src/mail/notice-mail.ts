/**
 * A notice's mail (G-24), written in the account's language (French unless it chose English):
 * what happened, when (UTC), from which address, what to do if it was not them, and where the
 * security page is. No secret, ever: nothing here comes from what was proved.
 */
import { formatWhen } from '../account/account-page.tsx';
import { factorOfKind } from '../factors/index.ts';
import { isLocale, translatorFor } from '../ui/i18n/messages.ts';
import { mailTextFor } from './mail-catalogue.ts';
import type { MailMessage } from './mailer.ts';
import type { Notice } from './notice-queries.ts';
import type { NoticeKind } from './notice-types.ts';

export interface NoticeRecipient {
  email: string;
  name: string;
  locale: string | null;
}

export function noticeMail(
  kind: NoticeKind,
  notice: Notice,
  to: NoticeRecipient,
  publicUrl: string,
): MailMessage {
  const locale = isLocale(to.locale) ? to.locale : 'fr';
  const m = mailTextFor(locale);
  // The method's name as the pages say it (« Sesame Verify »), from the kind the event recorded.
  const title = notice.reason === null ? undefined : factorOfKind(notice.reason)?.title;
  const method = title === undefined ? [] : [m('method', { method: translatorFor(locale)(title) })];
  const lines = [
    m('greeting', { name: to.name }),
    '',
    m(`${kind}.body`),
    '',
    ...method,
    m('when', { when: formatWhen(locale, notice.occurred_at) }),
    ...(notice.ip === null ? [] : [m('where', { ip: notice.ip })]),
    '',
    kind === 'pushDenied' ? m('pushDenied.advice') : m('notYou'),
    '',
    m('manage', { url: `${publicUrl}/account` }),
    '',
    m('signature'),
  ];
  return { to: to.email, subject: m(`${kind}.subject`), text: `${lines.join('\n')}\n` };
}

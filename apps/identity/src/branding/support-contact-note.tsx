/**
 * « Contactez le support : … » where a client is stuck — the sign-in refused (a locked account),
 * the second factor's other ways (a lost phone), the enrollment pages — when the organization set
 * a contact; nothing otherwise.
 */
import type { Translate } from '../ui/i18n/messages.ts';
import { useBranding } from './branding-context.ts';
import { hasSupportContact, telHref } from './support-contact.ts';

export function SupportContactNote(props: { t: Translate }) {
  const { support } = useBranding();
  if (!hasSupportContact(support)) return null;
  const { t } = props;
  const links = [
    support.email === undefined ? null : (
      <a href={`mailto:${support.email}`} key="email">
        <span class="visually-hidden">{t('branding.supportEmail')} </span>
        {support.email}
      </a>
    ),
    support.phone === undefined ? null : (
      <a href={telHref(support.phone)} key="phone">
        <span class="visually-hidden">{t('branding.supportPhone')} </span>
        {support.phone}
      </a>
    ),
    support.url === undefined ? null : (
      <a href={support.url} key="url" rel="noopener">
        <span class="visually-hidden">{t('branding.supportWeb')} </span>
        {support.url.replace(/^https?:\/\//, '').replace(/\/$/, '')}
      </a>
    ),
  ].filter((link) => link !== null);
  return (
    <p class="support-contact" data-support-contact>
      {t('branding.supportIntro')}{' '}
      {links.flatMap((link, i) =>
        i === 0
          ? [link]
          : [
              <span aria-hidden="true" key={`dot-${i}`}>
                {' · '}
              </span>,
              link,
            ],
      )}
    </p>
  );
}

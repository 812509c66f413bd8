/** « Ajoutée le … · Dernière utilisation le … »: when a method was added and last used. */
import type { Locale, Translate } from '../ui/i18n/messages.ts';
import { formatWhen } from './format-when.ts';

export function MethodUse(props: {
  t: Translate;
  locale: Locale;
  addedAt: number;
  lastUsedAt: number | null;
}) {
  const { t, locale } = props;
  return (
    <span class="muted">
      {t('account.addedOn', { when: formatWhen(locale, props.addedAt) })}
      {' · '}
      {props.lastUsedAt === null
        ? t('account.neverUsed')
        : t('account.lastUsed', { when: formatWhen(locale, props.lastUsedAt) })}
    </span>
  );
}

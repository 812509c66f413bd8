import type { Locale } from '../ui/i18n/messages.ts';

/** A moment as the account's pages say it, in UTC (the server does not know the reader's zone). */
export function formatWhen(locale: Locale, ms: number): string {
  const formatted = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(ms);
  return `${formatted} UTC`;
}

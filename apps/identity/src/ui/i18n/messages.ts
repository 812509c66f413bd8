import { type Catalogue, en, type MessageKey } from './en.ts';
import { fr } from './fr.ts';

export type { MessageKey };
export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fr';

const catalogues: Record<Locale, Catalogue> = { fr, en };

export type Translate = (key: MessageKey, vars?: Record<string, string>) => string;

/** A translator for one locale; `{name}` placeholders are replaced by `vars` (escaped later by JSX). */
export function translatorFor(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, vars) => {
    const message = catalogue[key];
    if (vars === undefined) return message;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
  };
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** First supported language among `ui_locales` (space-separated) or an Accept-Language header. */
export function pickLocale(...preferences: Array<string | undefined>): Locale {
  for (const preference of preferences) {
    if (preference === undefined) continue;
    for (const part of preference.split(/[\s,]+/)) {
      const language = part.split(';')[0]?.trim().toLowerCase().split('-')[0];
      if (isLocale(language)) return language;
    }
  }
  return defaultLocale;
}

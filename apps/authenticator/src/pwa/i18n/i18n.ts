/**
 * Language of the PWA: the user's choice (settings), else the phone's language; French for
 * French speakers, English otherwise. `translate` fills `{placeholders}`.
 */
import { type Catalogue, en, type MessageKey } from './en.ts';
import { fr } from './fr.ts';

export type Lang = 'fr' | 'en';
export const catalogues: Record<Lang, Catalogue> = { fr, en };
export type { MessageKey };

const storageKey = 'sesame-verify.lang';

export function initialLang(
  storage: Pick<Storage, 'getItem'> | undefined,
  languages: readonly string[],
): Lang {
  const chosen = storage?.getItem(storageKey);
  if (chosen === 'fr' || chosen === 'en') return chosen;
  for (const language of languages) {
    if (/^fr\b/i.test(language)) return 'fr';
    if (/^en\b/i.test(language)) return 'en';
  }
  return 'fr';
}

export function rememberLang(storage: Pick<Storage, 'setItem'> | undefined, lang: Lang): void {
  storage?.setItem(storageKey, lang);
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang];
  return (key, vars) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      vars && name in vars ? String(vars[name]) : whole,
    );
}

/** Language choice: the `portal_lang` cookie, else Accept-Language, else French (the reference). */
import { en, type Messages } from './en.ts';
import { fr } from './fr.ts';

export type Lang = 'fr' | 'en';

export const LANG_COOKIE = 'portal_lang';

const catalogues: Record<Lang, Messages> = { fr, en };

export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'en';
}

export function messagesFor(lang: Lang): Messages {
  return catalogues[lang];
}

/** The BCP 47 locale used to format numbers, currency and dates (Canadian French / English). */
export function localeFor(lang: Lang): string {
  return lang === 'fr' ? 'fr-CA' : 'en-CA';
}

/** Picks the first supported language of an Accept-Language header, by decreasing q value. */
export function languageFromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (header === undefined) return undefined;
  const ranges = header
    .slice(0, 512) // bounded work on a client-controlled header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return {
        base: tag.toLowerCase().split('-')[0],
        weight: Number.isNaN(weight) ? 0 : weight,
        index,
      };
    })
    .filter((range) => range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranges.map((range) => range.base).find(isLang);
}

export function resolveLanguage(
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): Lang {
  if (isLang(cookie)) return cookie;
  return languageFromAcceptLanguage(acceptLanguage) ?? 'fr';
}

/** Replaces `{key}` placeholders; values are plain text (JSX escapes them when rendered). */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * For a request URL carrying `lang`: the language chosen (when supported) and the same path
 * without the parameter, other parameters kept. Undefined when there is no `lang` parameter.
 */
export function languageSwitchTarget(
  requestUrl: string,
): { lang: Lang | undefined; location: string } | undefined {
  const url = new URL(requestUrl, 'http://portal.invalid');
  if (!url.searchParams.has('lang')) return undefined;
  const lang = url.searchParams.get('lang');
  url.searchParams.delete('lang');
  // One leading slash only: "//host" in a Location header would be an open redirect.
  const path = url.pathname.replace(/^\/+/, '/');
  return { lang: isLang(lang) ? lang : undefined, location: `${path}${url.search}` };
}

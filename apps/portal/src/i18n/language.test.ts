import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';
import {
  format,
  languageFromAcceptLanguage,
  languageSwitchTarget,
  resolveLanguage,
} from './language.ts';

function keysOf(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null
      ? keysOf(child, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('catalogues', () => {
  it('French has exactly the keys of English, none empty', () => {
    expect(keysOf(fr).sort()).toEqual(keysOf(en).sort());
    expect(keysOf(fr).length).toBeGreaterThan(10);
    for (const catalogue of [fr, en]) {
      expect(JSON.stringify(catalogue)).not.toMatch(/""/);
    }
  });

  it("uses the guide's wording in French", () => {
    expect(fr.meta.siteName).toBe('Espace client');
    expect(fr.home.signIn).toBe('Me connecter');
    expect(fr.dashboard.signOut).toBe('Me déconnecter');
    expect(fr.dashboard.securityLink).toBe('Sécurité');
  });
});

describe('language choice', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['de-DE, it', undefined],
    ['en-CA,en;q=0.9', 'en'],
    ['fr-CA', 'fr'],
    ['de;q=1, en;q=0.5, fr;q=0.8', 'fr'],
    ['fr;q=0, en', 'en'],
    ['EN-us', 'en'],
    ['*', undefined],
  ])('Accept-Language %j → %j', (header, expected) => {
    expect(languageFromAcceptLanguage(header)).toBe(expected);
  });

  it('prefers the cookie, then Accept-Language, then French', () => {
    expect(resolveLanguage('en', 'fr')).toBe('en');
    expect(resolveLanguage('xx', 'en')).toBe('en');
    expect(resolveLanguage(undefined, undefined)).toBe('fr');
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(format('Bonjour, {name} {x}', { name: 'Marie' })).toBe('Bonjour, Marie {x}');
  });
});

describe('languageSwitchTarget', () => {
  it('returns the language and the same path without the parameter', () => {
    expect(languageSwitchTarget('/dashboard?a=1&lang=en&b=2')).toEqual({
      lang: 'en',
      location: '/dashboard?a=1&b=2',
    });
    expect(languageSwitchTarget('/?lang=fr')).toEqual({ lang: 'fr', location: '/' });
    expect(languageSwitchTarget('/?lang=de')).toEqual({ lang: undefined, location: '/' });
    expect(languageSwitchTarget('/dashboard?a=1')).toBeUndefined();
  });

  it.each([
    '//evil.example/?lang=en',
    '/.//evil.example?lang=en',
    '/\\evil.example?lang=en',
    '///evil.example?lang=en',
  ])('never yields an off-site location for %j', (url) => {
    const location = languageSwitchTarget(url)?.location ?? '';
    expect(location).toMatch(/^\/(?![/\\])/);
  });
});

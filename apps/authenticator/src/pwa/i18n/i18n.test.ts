import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { initialLang, translator } from './i18n.ts';

describe('PWA catalogues', () => {
  it('has every key in both languages, with the same placeholders', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
      expect(fr[key].trim(), key).not.toBe('');
    }
  });

  it('uses the guide’s labels in French', () => {
    expect(fr['accounts.add']).toBe('Ajouter un compte');
    expect(fr['type.organization']).toBe('Organisation');
    expect(fr['organization.newDevice']).toBe('Ajouter un compte depuis un nouvel appareil');
    expect(fr['scan.start']).toBe('Scanner un code QR');
    expect(fr['app.next']).toBe('Suivant');
    expect(fr['device.done']).toBe('Terminé');
  });

  it('picks the language: saved choice, then the phone’s, French by default', () => {
    const saved = (value: string | null) => ({ getItem: () => value });
    expect(initialLang(saved('en'), ['fr-CA'])).toBe('en');
    expect(initialLang(saved(null), ['fr-CA', 'en'])).toBe('fr');
    expect(initialLang(saved(null), ['de-DE', 'en-US'])).toBe('en');
    expect(initialLang(undefined, ['ja'])).toBe('fr');
    expect(translator('en')('accounts.options', { account: 'X' })).toBe('Options for X');
  });
});

/** A name given to a method: trimmed, spaces collapsed, 1 to 64 code points, nothing disguised. */
import { describe, expect, it } from 'vitest';
import { parseMethodName } from './method-name.ts';

describe('parseMethodName', () => {
  it('keeps what was typed, trimmed and with single spaces', () => {
    expect(parseMethodName('  Téléphone   du\tbureau ')).toBe('Téléphone du bureau');
    expect(parseMethodName('👩‍💻 clé'.normalize('NFD'))).toBe('👩‍💻 clé'.normalize('NFC'));
  });

  it('refuses nothing, too long, and control, format or private characters', () => {
    for (const name of ['', '  ', 'x'.repeat(65), 'a\u202Eb', 'a\u200Bb', 'a\u0000b', 'a\uE000b'])
      expect(parseMethodName(name)).toBeUndefined();
    expect(parseMethodName('é'.repeat(64))).toBe('é'.repeat(64));
  });
});

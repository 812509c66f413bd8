import { describe, expect, it } from 'vitest';
import { getCommonPasswords, isCommonPassword } from './common-passwords.ts';

describe('common password blocklist (G-34)', () => {
  it('holds at least the top 3000, in comparison form', () => {
    const list = getCommonPasswords();
    expect(list.size).toBeGreaterThanOrEqual(3000);
    for (const entry of list) expect(entry).toBe(entry.normalize('NFKC').toLowerCase().trim());
  });

  it('is loaded once', () => {
    expect(getCommonPasswords()).toBe(getCommonPasswords());
  });

  it.each(['password', '123456789', 'azerty123', 'motdepasse', 'qwerty123', 'soleil123'])(
    'contains %j',
    (entry) => {
      expect(isCommonPassword(entry)).toBe(true);
    },
  );

  it('does not contain random strings', () => {
    expect(isCommonPassword('tqzvxkwjrb')).toBe(false);
  });
});

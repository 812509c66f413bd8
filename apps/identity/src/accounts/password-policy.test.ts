import { describe, expect, it } from 'vitest';
import {
  checkPasswordPolicy,
  isTrivialPattern,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from './password-policy.ts';

const NO_CONTEXT = {};
/** Random-looking letters, none of them a word, to build passwords of exact lengths. */
const filler = (length: number) => 'tqzvxkwjrb'.repeat(Math.ceil(length / 10)).slice(0, length);

describe('checkPasswordPolicy: length (NIST 800-63B-4 §3.1.1.2, G-34)', () => {
  it('exports the bounds: min 8, max 128 (≥ 64 required)', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
  });

  it('accepts 8 characters and rejects 7 as too_short', () => {
    expect(checkPasswordPolicy(filler(8), NO_CONTEXT)).toEqual({ ok: true });
    expect(checkPasswordPolicy(filler(7), NO_CONTEXT)).toEqual({ ok: false, reason: 'too_short' });
    expect(checkPasswordPolicy('', NO_CONTEXT)).toEqual({ ok: false, reason: 'too_short' });
  });

  it('accepts 64 and 128 code points, rejects 129 as too_long', () => {
    expect(checkPasswordPolicy(filler(64), NO_CONTEXT)).toEqual({ ok: true });
    expect(checkPasswordPolicy(filler(128), NO_CONTEXT)).toEqual({ ok: true });
    expect(checkPasswordPolicy(filler(129), NO_CONTEXT)).toEqual({ ok: false, reason: 'too_long' });
    expect(checkPasswordPolicy(filler(1_000_000), NO_CONTEXT)).toEqual({
      ok: false,
      reason: 'too_long',
    });
  });

  it('counts an emoji as one code point, not two UTF-16 units', () => {
    expect('tqzvxk😀'.length).toBe(8);
    expect(checkPasswordPolicy('tqzvxk😀', NO_CONTEXT)).toEqual({ ok: false, reason: 'too_short' });
    expect(checkPasswordPolicy('tqzvxkw😀', NO_CONTEXT)).toEqual({ ok: true });
    expect(checkPasswordPolicy(`${filler(127)}😀`, NO_CONTEXT)).toEqual({ ok: true });
    expect(checkPasswordPolicy(`${filler(128)}😀`, NO_CONTEXT)).toMatchObject({ ok: false });
  });

  it('counts code points after NFKC', () => {
    // 7 code points typed decomposed (e + combining acute = 2 units each) are still 7.
    const decomposed = 'tre\u0301zo\u0301rq';
    expect(decomposed.length).toBe(9);
    expect(checkPasswordPolicy(decomposed, NO_CONTEXT)).toEqual({ ok: false, reason: 'too_short' });
    // A ligature expands under NFKC: `ﬃ` is 3 code points.
    expect(checkPasswordPolicy('ﬃqzvxk', NO_CONTEXT)).toEqual({ ok: true });
  });

  it('allows Unicode and spaces, with no composition rules', () => {
    for (const password of [
      'tqzvxkwj', // lower case only
      'correct horse battery staple',
      'мой пароль тут',
      '我的密码很长很长',
      '    tqzv    ',
    ]) {
      expect(checkPasswordPolicy(password, NO_CONTEXT)).toEqual({ ok: true });
    }
  });
});

describe('checkPasswordPolicy: blocklist (G-34)', () => {
  it.each([
    'password',
    '123456789',
    'azerty123',
    'Password',
    'PASSWORD',
    'ｐａｓｓｗｏｒｄ',
    'password ',
    'motdepasse',
    'Azertyuiop',
    'iloveyou',
    'sunshine',
    '1234567890',
    'azerty1234',
  ])('rejects %j as common', (password) => {
    expect(checkPasswordPolicy(password, NO_CONTEXT)).toEqual({ ok: false, reason: 'common' });
  });

  it.each([
    'aaaaaaaa',
    'zzzzzzzzzzzz',
    '13131313',
    'abcdabcdabcd',
    'klmnopqr',
    '98765432',
    '        ',
  ])('rejects the trivial pattern %j as common', (password) => {
    expect(checkPasswordPolicy(password, NO_CONTEXT)).toEqual({ ok: false, reason: 'common' });
  });

  it('does not flag ordinary passphrases as trivial patterns', () => {
    expect(isTrivialPattern('tqzvxkwj')).toBe(false);
    expect(isTrivialPattern('abcdefgz')).toBe(false);
    expect(isTrivialPattern('abcdeabcdx')).toBe(false);
  });
});

describe('checkPasswordPolicy: context words (G-34)', () => {
  const context = {
    username: 'Jdupont',
    email: 'jean.dupont@example.fr',
    name: 'Jean-Pierre Dupont',
  };

  it.each([
    ['the username', 'myjdupont!2024'],
    ['the username in another case', 'xxJDUPONTxx'],
    ['the email local part', 'JEAN.DUPONT-2024'],
    ['a word of the email local part', 'dupontqzvx'],
    ['a word of the name', 'tqzv-pierre-xk'],
    ['the service name', 'Sesame-tqzvx'],
    ['the service name in French', 'mon sésame 42'],
    ['the portal name', 'mon Espace Client'],
    ['the portal name without space', 'espaceclient42'],
  ])('rejects a password containing %s as contains_context', (_label, password) => {
    expect(checkPasswordPolicy(password, context)).toEqual({
      ok: false,
      reason: 'contains_context',
    });
  });

  it('rejects the username inside the password', () => {
    expect(checkPasswordPolicy('qzalice2024!', { username: 'alice' })).toEqual({
      ok: false,
      reason: 'contains_context',
    });
    expect(checkPasswordPolicy('qzALICE2024!', { username: 'Alice' })).toEqual({
      ok: false,
      reason: 'contains_context',
    });
    expect(checkPasswordPolicy('qzalice2024!', { username: 'bob' })).toEqual({ ok: true });
  });

  it('ignores name words shorter than 4 characters', () => {
    expect(checkPasswordPolicy('tqzv-jeb-xk', { name: 'Jeb Li' })).toEqual({ ok: true });
  });

  it('accepts a password without context words', () => {
    expect(checkPasswordPolicy('violet orbit 77 gravel', context)).toEqual({ ok: true });
  });
});

describe('password-only accounts (NIST SP 800-63B-4 §3.1.1.2: 15 characters)', () => {
  it('asks 15 code points when no second factor is required, 8 otherwise', () => {
    const fourteen = 'brume matinale';
    expect([...fourteen].length).toBe(14);
    expect(checkPasswordPolicy(fourteen, {})).toEqual({ ok: true });
    expect(checkPasswordPolicy(fourteen, { passwordOnly: true })).toEqual({
      ok: false,
      reason: 'too_short',
    });
    expect(checkPasswordPolicy(`${fourteen}s`, { passwordOnly: true })).toEqual({ ok: true });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalizeIdentifier,
  IDENTIFIER_MAX_LENGTH,
  validateEmail,
  validateUsername,
} from './canonical-identifier.ts';

describe('canonicalizeIdentifier (G-10)', () => {
  it.each([
    ['case', 'ALICE'],
    ['mixed case', 'aLiCe'],
    ['fullwidth', 'ａｌｉｃｅ'],
    ['fullwidth capitals', 'ＡＬＩＣＥ'],
    ['trailing space', 'Alice '],
    ['surrounding whitespace', '\t alice\u00a0\n'],
    ['ideographic space', '\u3000alice'],
    ['zero-width space inside', 'al\u200bice'],
    ['soft hyphen inside', 'ali\u00adce'],
  ])('maps the %s variant to the same form as "alice"', (_label, variant) => {
    expect(canonicalizeIdentifier(variant)).toBe('alice');
  });

  it('merges NFKC compatibility variants', () => {
    expect(canonicalizeIdentifier('ﬁlou')).toBe(canonicalizeIdentifier('filou')); // ligature
    expect(canonicalizeIdentifier('ｊｅａｎ１２')).toBe('jean12'); // fullwidth digits
    expect(canonicalizeIdentifier('Ⅻ')).toBe('xii'); // roman numeral
    expect(canonicalizeIdentifier('²')).toBe('2'); // superscript
  });

  it('merges composed and decomposed accents', () => {
    expect(canonicalizeIdentifier('Ame\u0301lie')).toBe(canonicalizeIdentifier('amélie'));
    expect(canonicalizeIdentifier('AMÉLIE')).toBe('amélie');
  });

  it('folds German sharp s to "ss" (full case folding), in either case', () => {
    const forms = ['Strauß', 'STRAUSS', 'strauss', 'STRAUẞ'].map(canonicalizeIdentifier);
    expect(new Set(forms)).toEqual(new Set(['strauss']));
  });

  it('folds Greek final sigma', () => {
    expect(canonicalizeIdentifier('ΟΔΥΣΣΕΥΣ')).toBe('οδυσσευσ');
    expect(canonicalizeIdentifier('οδυσσευς')).toBe('οδυσσευσ');
  });

  it('keeps distinct names distinct', () => {
    const names = ['alice', 'alicia', 'alice1', 'al.ice', 'alice@example.com', 'bob', 'amelie'];
    const canonical = names.map(canonicalizeIdentifier);
    expect(new Set(canonical).size).toBe(names.length);
    expect(canonicalizeIdentifier('amélie')).not.toBe(canonicalizeIdentifier('amelie'));
  });

  it('is idempotent on any string (property)', () => {
    const idempotent = (raw: string) => {
      const once = canonicalizeIdentifier(raw);
      expect(canonicalizeIdentifier(once)).toBe(once);
    };
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), idempotent), {
      numRuns: 2000,
    });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), idempotent), {
      numRuns: 1000,
    });
  });

  it('returns a trimmed NFKC string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
        const canonical = canonicalizeIdentifier(raw);
        expect(canonical).toBe(canonical.trim());
        expect(canonical).toBe(canonical.normalize('NFKC'));
      }),
      { numRuns: 1000 },
    );
  });

  it('ignores ASCII case (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), (raw) => {
        expect(canonicalizeIdentifier(raw.toUpperCase())).toBe(
          canonicalizeIdentifier(raw.toLowerCase()),
        );
      }),
    );
  });
});

describe('validateUsername', () => {
  it('accepts letters of any script, digits and . _ - @ +, returning the canonical form', () => {
    expect(validateUsername(' Jean.Dupont_42 ')).toEqual({ ok: true, canonical: 'jean.dupont_42' });
    expect(validateUsername('bob+test@example.fr')).toEqual({
      ok: true,
      canonical: 'bob+test@example.fr',
    });
    expect(validateUsername('Zoë-Ñandú')).toEqual({ ok: true, canonical: 'zoë-ñandú' });
    expect(validateUsername('दीपिका')).toMatchObject({ ok: true }); // needs combining marks
    expect(validateUsername('İpek')).toMatchObject({ ok: true });
    expect(validateUsername('x')).toEqual({ ok: true, canonical: 'x' });
  });

  it.each(['', '   ', '\u200b', '\t\n'])('rejects %j as empty', (raw) => {
    expect(validateUsername(raw)).toEqual({ ok: false, reason: 'empty' });
  });

  it('accepts 254 code points and rejects 255 as too long', () => {
    expect(validateUsername('a'.repeat(IDENTIFIER_MAX_LENGTH))).toMatchObject({ ok: true });
    expect(validateUsername('a'.repeat(IDENTIFIER_MAX_LENGTH + 1))).toEqual({
      ok: false,
      reason: 'too_long',
    });
    expect(validateUsername('é'.repeat(IDENTIFIER_MAX_LENGTH))).toMatchObject({ ok: true });
    expect(validateUsername('a'.repeat(100_000))).toEqual({ ok: false, reason: 'too_long' });
  });

  it('counts code points, not UTF-16 units', () => {
    expect(validateUsername('𝒜'.repeat(IDENTIFIER_MAX_LENGTH))).toMatchObject({ ok: true });
  });

  it.each([
    ['inner space', 'jean dupont'],
    ['tab', 'jean\tdupont'],
    ['newline', 'jean\ndupont'],
    ['NUL', 'jean\u0000'],
    ['bidi override', 'jean\u202edupont'],
    ['zero-width space', 'jean\u200bdupont'],
    ['soft hyphen', 'jean\u00addupont'],
    ['no-break space', 'jean\u00a0dupont'],
    ['slash', 'jean/dupont'],
    ['quote', "jean'dupont"],
    ['angle bracket', '<script>'],
    ['emoji', 'jean😀'],
    ['colon', 'jean:dupont'],
  ])('rejects a username with a %s as invalid_characters', (_label, raw) => {
    expect(validateUsername(raw)).toEqual({ ok: false, reason: 'invalid_characters' });
  });
});

describe('validateEmail', () => {
  it('accepts ordinary addresses and returns the canonical (case-folded) form', () => {
    expect(validateEmail(' Jean.Dupont+Promo@Example.FR ')).toEqual({
      ok: true,
      canonical: 'jean.dupont+promo@example.fr',
    });
    expect(validateEmail('a@b.co')).toMatchObject({ ok: true });
    expect(validateEmail('élodie@exemple.fr')).toMatchObject({ ok: true });
    expect(validateEmail('x@sub-domain.example.xn--p1ai')).toMatchObject({ ok: true });
  });

  it('shares the namespace with usernames: an email and the same username collide', () => {
    const email = validateEmail('Bob@Example.com');
    const username = validateUsername('BOB@example.COM');
    expect(email.ok && username.ok && email.canonical === username.canonical).toBe(true);
  });

  it.each([
    'plainaddress',
    '@example.com',
    'jean@',
    'jean@@example.com',
    'jean@exa@mple.com',
    'jean@localhost',
    'jean@example.c',
    'jean@example.123',
    '.jean@example.com',
    'jean.@example.com',
    'je..an@example.com',
    'jean dupont@example.com',
    'jean@-example.com',
    'jean@example-.com',
    'jean@exa mple.com',
    'jean@example..com',
    '"jean"@example.com',
    'jean@[127.0.0.1]',
    'jean@example.com\u0000',
  ])('rejects %j as invalid_format', (raw) => {
    expect(validateEmail(raw)).toEqual({ ok: false, reason: 'invalid_format' });
  });

  it('rejects empty and over-long addresses', () => {
    expect(validateEmail('  ')).toEqual({ ok: false, reason: 'empty' });
    const long = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.fr`;
    expect(long.length).toBe(255);
    expect(validateEmail(long)).toEqual({ ok: false, reason: 'too_long' });
    expect(validateEmail(long.slice(1))).toMatchObject({ ok: true });
    expect(validateEmail(`${'a'.repeat(65)}@example.fr`)).toMatchObject({ ok: false });
    expect(validateEmail(`a@${'b'.repeat(64)}.fr`)).toMatchObject({ ok: false });
  });

  it('stays fast on adversarial input (ReDoS-safe)', () => {
    const inputs = [`${'a.'.repeat(2000)}@`, `a@${'-a'.repeat(120)}`, `${'!'.repeat(250)}@x`];
    for (const raw of inputs) expect(validateEmail(raw).ok).toBe(false);
  });
});

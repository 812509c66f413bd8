/**
 * Canonical form of the identifiers a person signs in with (username or email).
 *
 * Usernames and emails share ONE namespace: the caller stores the canonical form of each in a
 * single unique column and keys lookups and failure counters on it (G-10).
 */

/** Longest identifier, in code points (RFC 5321 §4.5.3.1.3 path limit, less the brackets). */
export const IDENTIFIER_MAX_LENGTH = 254;

/**
 * Input cap in UTF-16 code units, applied before normalisation so that no unbounded input reaches
 * NFKC or a regular expression (G-38). Generous: NFKC composition can shrink a decomposed input,
 * so a legitimate 254-code-point identifier may arrive as several times as many code units.
 */
const RAW_INPUT_MAX_UNITS = IDENTIFIER_MAX_LENGTH * 8;

const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const FINAL_SIGMA = /ς/gu;

/**
 * trim + NFKC + full case folding + removal of default-ignorable code points: an approximation of
 * Unicode's NFKC_Casefold (UAX #15 / UAX #31), so `Alice`, `ALICE`, `ａｌｉｃｅ`, `Alice ` and
 * `Al\u200Bice` are one identifier (G-10).
 *
 * Case folding is `toLowerCase().toUpperCase().toLowerCase()`, which applies the FULL Unicode
 * case mappings, then `ς` → `σ`, as Unicode full case folding (CaseFolding.txt, status F) does:
 * German `ß` and capital `ẞ` fold to `ss`, so `Strauß`, `STRAUẞ`, `STRAUSS` and `strauss` are one
 * identifier, as in Unicode full case folding and IDNA2003 (a person typing on a keyboard
 * without `ß` must reach the same account); Greek final sigma folds to `σ`; `İ` folds to `i̇`.
 * Locale-specific rules (Turkish dotless i) are deliberately not applied: one form for everybody.
 * NFKC runs again after folding so that the result is a fixed point (idempotent).
 */
export function canonicalizeIdentifier(raw: string): string {
  const compatible = raw.normalize('NFKC').replace(DEFAULT_IGNORABLE, '');
  const folded = compatible.toLowerCase().toUpperCase().toLowerCase().replace(FINAL_SIGMA, 'σ');
  return folded.normalize('NFKC').replace(DEFAULT_IGNORABLE, '').trim();
}

/** Length in code points (a surrogate pair or an emoji's scalar counts once). */
export function countCodePoints(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

export type UsernameValidation =
  | { ok: true; canonical: string }
  | { ok: false; reason: 'empty' | 'too_long' | 'invalid_characters' };

/** Letters, combining marks (needed by many scripts, and by `İ` once folded), digits, `._-@+`. */
const USERNAME_CHARACTERS = /^[\p{L}\p{M}\p{Nd}._\-@+]+$/u;
const INVISIBLE_OR_SPACE = /[\p{Cc}\p{Cf}\p{Z}\s]/u;

/** A username is validated in its canonical form, the one that will be stored and compared. */
export function validateUsername(raw: string): UsernameValidation {
  // G-38: cap the raw input before any normalisation work.
  if (raw.length > RAW_INPUT_MAX_UNITS) return { ok: false, reason: 'too_long' };
  const canonical = canonicalizeIdentifier(raw);
  // An identifier needs at least one code point once trimmed and normalised.
  if (canonical.length === 0) return { ok: false, reason: 'empty' };
  // 1–254 code points, the same bound as an email: both share one column (G-10).
  if (countCodePoints(canonical) > IDENTIFIER_MAX_LENGTH) return { ok: false, reason: 'too_long' };
  // No control, format (bidi, zero-width) or whitespace character typed inside, even though the
  // canonical form drops the invisible ones: what is registered is what the person sees.
  if (INVISIBLE_OR_SPACE.test(raw.trim())) return { ok: false, reason: 'invalid_characters' };
  // Only the allowed classes: no punctuation, symbol or emoji.
  if (!USERNAME_CHARACTERS.test(canonical)) return { ok: false, reason: 'invalid_characters' };
  return { ok: true, canonical };
}

export type EmailValidation =
  | { ok: true; canonical: string }
  | { ok: false; reason: 'empty' | 'too_long' | 'invalid_format' };

/** Longest local part, in code points (RFC 5321 §4.5.3.1.1). */
const EMAIL_LOCAL_MAX_LENGTH = 64;
/** Longest DNS label, in code points (RFC 1035 §2.3.4). */
const DOMAIN_LABEL_MAX_LENGTH = 63;
/** RFC 5322 dot-atom characters (letters and digits of any script, RFC 6531), without the dot. */
const LOCAL_ATOM = /^[\p{L}\p{M}\p{Nd}!#$%&'*+/=?^_`{|}~-]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{Nd}-]+$/u;
const TOP_LEVEL_LABEL = /^[\p{L}\p{M}]{2,}$|^xn--[a-z0-9-]+$/u;

/**
 * A deliberately simple email check: no nested quantifiers, only anchored character classes on
 * pieces already split and length-capped, so it is linear in the input (ReDoS-safe, G-38).
 * Quoted local parts, comments and IP-literal domains are refused.
 *
 * The canonical form is case-folded as a whole, local part included: RFC 5321 lets a server treat
 * local parts as case-sensitive, but one person must not own `Bob@x.fr` and `bob@x.fr` (G-10).
 * Sub-addresses (`+tag`) and dots are kept: they are distinct addresses.
 */
export function validateEmail(raw: string): EmailValidation {
  // G-38: cap the raw input before any normalisation work.
  if (raw.length > RAW_INPUT_MAX_UNITS) return { ok: false, reason: 'too_long' };
  const canonical = canonicalizeIdentifier(raw);
  // Nothing left once trimmed and normalised.
  if (canonical.length === 0) return { ok: false, reason: 'empty' };
  // RFC 5321 §4.5.3.1.3: 254 characters at most (256 minus the angle brackets).
  if (countCodePoints(canonical) > IDENTIFIER_MAX_LENGTH) return { ok: false, reason: 'too_long' };
  // Exactly one `@`, splitting a well-formed local part and a well-formed domain.
  if (!isWellFormedEmail(canonical)) return { ok: false, reason: 'invalid_format' };
  return { ok: true, canonical };
}

function isWellFormedEmail(canonical: string): boolean {
  const parts = canonical.split('@');
  if (parts.length !== 2) return false;
  const [local = '', domain = ''] = parts;
  return isWellFormedLocalPart(local) && isWellFormedDomain(domain);
}

/** RFC 5322 §3.4.1 dot-atom: atoms joined by single dots, no leading or trailing dot. */
function isWellFormedLocalPart(local: string): boolean {
  if (countCodePoints(local) > EMAIL_LOCAL_MAX_LENGTH) return false;
  return local.split('.').every((atom) => LOCAL_ATOM.test(atom));
}

/** At least two labels; each 1–63 characters, no leading or trailing hyphen (RFC 1035 §2.3.1). */
function isWellFormedDomain(domain: string): boolean {
  const labels = domain.split('.');
  const topLevel = labels.at(-1) ?? '';
  if (labels.length < 2 || !TOP_LEVEL_LABEL.test(topLevel)) return false;
  return labels.every(
    (label) =>
      DOMAIN_LABEL.test(label) &&
      countCodePoints(label) <= DOMAIN_LABEL_MAX_LENGTH &&
      !label.startsWith('-') &&
      !label.endsWith('-'),
  );
}

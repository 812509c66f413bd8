import { canonicalizeIdentifier, countCodePoints } from './canonical-identifier.ts';
import { isCommonPassword } from './common-passwords.ts';

/**
 * Password policy of NIST SP 800-63B-4 §3.1.1.2 (G-34, ASVS 6.2): length in code points after
 * NFKC, any Unicode character and spaces allowed, NO composition rules, a blocklist of common and
 * breached passwords, and context words. The reason is returned so that the form can show it.
 */

/** NIST SP 800-63B-4 §3.1.1.2: at least 8 characters when used with a second factor. */
export const PASSWORD_MIN_LENGTH = 8;
/** NIST SP 800-63B-4 §3.1.1.2: at least 15 when the password is the only factor. */
export const PASSWORD_ONLY_MIN_LENGTH = 15;
/** NIST SP 800-63B-4 §3.1.1.2: at least 64 must be accepted; 128 bounds the hashing input. */
export const PASSWORD_MAX_LENGTH = 128;

/** G-38: cap on UTF-16 units before any normalisation (NFKC can shrink decomposed input). */
const RAW_INPUT_MAX_UNITS = PASSWORD_MAX_LENGTH * 8;
/** A username or email local part shorter than this is not searched for in the password. */
const IDENTIFIER_MIN_LENGTH = 3;
/** Words taken from a name or an identifier's fragments count from this length. */
const WORD_MIN_LENGTH = 4;
/** The service's own names (NIST SP 800-63B-4 §3.1.1.2: "the name of the service"). */
const SERVICE_WORDS: readonly string[] = ['sesame', 'sésame', 'espace client', 'espaceclient'];
/** Longest unit whose repetition makes a trivial password (`aaaaaaaa`, `abcdabcd`). */
const REPEATED_UNIT_MAX_LENGTH = 4;

export type PasswordContext = {
  username?: string | undefined;
  email?: string | undefined;
  name?: string | undefined;
  /** True when no second factor is required for the account: the longer minimum applies. */
  passwordOnly?: boolean | undefined;
};

export type PasswordPolicyViolation = 'too_short' | 'too_long' | 'common' | 'contains_context';

export type PasswordPolicyResult = { ok: true } | { ok: false; reason: PasswordPolicyViolation };

export function checkPasswordPolicy(
  password: string,
  context: PasswordContext,
): PasswordPolicyResult {
  // G-38: bound the work before normalising an arbitrarily long input.
  if (password.length > RAW_INPUT_MAX_UNITS) return { ok: false, reason: 'too_long' };
  const length = countCodePoints(password.normalize('NFKC'));
  // NIST SP 800-63B-4 §3.1.1.2: minimum length in code points after NFKC, 15 if password-only.
  const minimum = context.passwordOnly ? PASSWORD_ONLY_MIN_LENGTH : PASSWORD_MIN_LENGTH;
  if (length < minimum) return { ok: false, reason: 'too_short' };
  // NIST SP 800-63B-4 §3.1.1.2: maximum ≥ 64; longer is refused, never truncated.
  if (length > PASSWORD_MAX_LENGTH) return { ok: false, reason: 'too_long' };
  const comparable = canonicalizeIdentifier(password);
  // NIST SP 800-63B-4 §3.1.1.2: blocklist of commonly used, expected or compromised values.
  if (isCommonPassword(comparable) || isTrivialPattern(comparable)) {
    return { ok: false, reason: 'common' };
  }
  // NIST SP 800-63B-4 §3.1.1.2: context-specific words (service name, username, derivatives).
  if (contextWords(context).some((word) => comparable.includes(word))) {
    return { ok: false, reason: 'contains_context' };
  }
  return { ok: true };
}

/**
 * Expected values the list cannot enumerate: nothing but spaces, a short unit repeated
 * (`aaaaaaaa`, `12121212`, `abcdabcd`), or a run of consecutive characters (`abcdefgh`,
 * `98765432`). `comparable` is already canonical (trimmed, case-folded).
 */
export function isTrivialPattern(comparable: string): boolean {
  const codePoints = Array.from(comparable);
  return codePoints.length < 2 || isRepetition(codePoints) || isConsecutiveRun(codePoints);
}

function isRepetition(codePoints: readonly string[]): boolean {
  for (let unit = 1; unit <= REPEATED_UNIT_MAX_LENGTH; unit += 1) {
    const repeats = codePoints.every((char, index) => char === codePoints[index % unit]);
    if (codePoints.length > unit && repeats) return true;
  }
  return false;
}

function isConsecutiveRun(codePoints: readonly string[]): boolean {
  const values = codePoints.map((char) => char.codePointAt(0) ?? 0);
  const steps = values.slice(1).map((value, index) => value - (values[index] ?? 0));
  return steps.every((step) => step === 1) || steps.every((step) => step === -1);
}

/** Canonical words the password must not contain: the service's names and the user's own. */
export function contextWords(context: PasswordContext): string[] {
  return [
    ...SERVICE_WORDS,
    ...identifierWords(context.username),
    ...identifierWords(context.email),
    ...nameWords(context.name),
  ];
}

/** The local part of a username or email (whole if ≥ 3 code points) and its words. */
function identifierWords(identifier: string | undefined): string[] {
  if (identifier === undefined || identifier.length > RAW_INPUT_MAX_UNITS) return [];
  const local = canonicalizeIdentifier(identifier).split('@')[0] ?? '';
  const whole = countCodePoints(local) >= IDENTIFIER_MIN_LENGTH ? [local] : [];
  return [...whole, ...nameWords(local)];
}

/** Words of ≥ 4 code points, split on anything that is not a letter, mark or digit. */
function nameWords(text: string | undefined): string[] {
  if (text === undefined || text.length > RAW_INPUT_MAX_UNITS) return [];
  return canonicalizeIdentifier(text)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => countCodePoints(word) >= WORD_MIN_LENGTH);
}

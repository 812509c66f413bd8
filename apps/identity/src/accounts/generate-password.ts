import { randomBytes } from 'node:crypto';
import { checkPasswordPolicy, type PasswordContext } from './password-policy.ts';

/** Returns `size` bytes from a CSPRNG; injectable so that tests can replay seeds. */
export type RandomBytes = (size: number) => Uint8Array;

/** Lower-case letters and digits without the look-alikes `0 o 1 i l` (31 symbols). */
export const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUP_COUNT = 4;
const GROUP_LENGTH = 5;
const SYMBOL_COUNT = GROUP_COUNT * GROUP_LENGTH;
/** 20 × log2(31) ≈ 99.1 bits, above the 90 the CLI and demo account need. */
export const GENERATED_PASSWORD_ENTROPY_BITS = SYMBOL_COUNT * Math.log2(PASSWORD_ALPHABET.length);
/** Largest multiple of the alphabet size below 256: bytes above it are rejected (no modulo bias). */
const UNBIASED_BYTE_LIMIT = 256 - (256 % PASSWORD_ALPHABET.length);
/** A source that keeps yielding rejected bytes is broken; fail instead of looping forever. */
const MAX_DRAWS = 64;

/**
 * A readable random password such as `k7m2q-x9fht-3bnwc-pe4ra`: 4 groups of 5 symbols, ≈ 99 bits.
 * The hyphens make it easy to read out; the groups are too short to hold `sesame` or a blocklisted
 * password. The caller still runs `checkPasswordPolicy` with the user's context.
 */
export function generatePassword(random: RandomBytes = randomBytes): string {
  const symbols = drawSymbols(random);
  const groups: string[] = [];
  for (let start = 0; start < SYMBOL_COUNT; start += GROUP_LENGTH) {
    groups.push(symbols.slice(start, start + GROUP_LENGTH).join(''));
  }
  return groups.join('-');
}

/** Rejection sampling over fresh random bytes: every symbol is uniform over the alphabet. */
function drawSymbols(random: RandomBytes): string[] {
  const symbols: string[] = [];
  for (let draw = 0; draw < MAX_DRAWS && symbols.length < SYMBOL_COUNT; draw += 1) {
    for (const byte of random(SYMBOL_COUNT)) {
      if (byte >= UNBIASED_BYTE_LIMIT || symbols.length === SYMBOL_COUNT) continue;
      symbols.push(PASSWORD_ALPHABET.charAt(byte % PASSWORD_ALPHABET.length));
    }
  }
  if (symbols.length < SYMBOL_COUNT) throw new Error('random source yields no usable bytes');
  return symbols;
}

/** A generated password holding a context word is drawn again; this many times at most. */
const MAX_PASSWORD_DRAWS = 20;

/** A generated password that passes the policy for this person (drawn again if by chance not). */
export function generateAcceptablePassword(context: PasswordContext): string {
  for (let draw = 0; draw < MAX_PASSWORD_DRAWS; draw += 1) {
    const password = generatePassword();
    if (checkPasswordPolicy(password, context).ok) return password;
  }
  throw new Error('no generated password passes the password policy');
}

/**
 * Recovery codes as people read them (G-18): ten codes of 80 bits each from the CSPRNG (NIST
 * 800-63B asks ≥ 64 bits of a saved look-up secret), written in Base32 (RFC 4648: no 0, 1 or 8
 * to mistake for O, I or B) and grouped by four: `K7QM-2XDB-4HTE-WP3C`.
 */
import { randomBytes } from 'node:crypto';
import { base32nopad } from '@scure/base';

export const recoveryCodeCount = 10;
/** 10 bytes: 80 bits, exactly 16 Base32 characters. */
export const recoveryCodeBytes = 10;
/** At or below this many unused codes, the pages warn the account's owner. */
export const recoveryCodesLowAt = 3;

export function generateRecoveryCodes(
  random: (size: number) => Uint8Array = randomBytes,
): string[] {
  return Array.from({ length: recoveryCodeCount }, () =>
    groupRecoveryCode(base32nopad.encode(Uint8Array.from(random(recoveryCodeBytes)))),
  );
}

export function groupRecoveryCode(base32: string): string {
  return base32.match(/.{1,4}/g)?.join('-') ?? '';
}

/**
 * What was typed, as the code it means: any case, spaces and dashes anywhere; undefined when it
 * cannot be a recovery code (it is then refused before any hash is computed, and still counted).
 */
export function normalizeRecoveryCode(typed: string): string | undefined {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '');
  // Exactly the 16 characters of an 80-bit Base32 code.
  if (!/^[A-Z2-7]{16}$/.test(cleaned)) return undefined;
  return groupRecoveryCode(cleaned);
}

/** Whether so few codes remain that their owner should make new ones. */
export function recoveryCodesLow(remaining: number): boolean {
  return remaining <= recoveryCodesLowAt;
}

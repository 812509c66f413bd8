/**
 * A temporary access code as the help desk reads it out and the client types it: 60 bits from
 * the CSPRNG in Base32 (RFC 4648: no 0, 1 or 8), grouped by four — `K7QM-2XDB-4HTE`. Single use,
 * an hour by default, and under the second factor's failure limits: far beyond guessing.
 */
import { randomBytes } from 'node:crypto';
import { base32nopad } from '@scure/base';

export const temporaryAccessCodeKind = 'temporary-access-code';
/** How long one lasts unless the help desk says otherwise. */
export const defaultTemporaryAccessTtlSeconds = 3600;
/** 60 bits: 12 Base32 characters (the 8 bytes drawn give 13; the last is dropped). */
const codeLength = 12;
/** What the code's keyed hash is made for (SecretBox `mac`). */
export const temporaryAccessMacPurpose = 'temporary-access-code';

export function generateTemporaryAccessCode(
  random: (size: number) => Uint8Array = randomBytes,
): string {
  const symbols = base32nopad.encode(Uint8Array.from(random(8))).slice(0, codeLength);
  return symbols.match(/.{4}/g)?.join('-') ?? '';
}

/** What was typed, as the code it means (any case, spaces and dashes anywhere), if it can be one. */
export function normalizeTemporaryAccessCode(typed: string): string | undefined {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[A-Z2-7]{12}$/.test(cleaned)) return undefined;
  return cleaned.match(/.{4}/g)?.join('-');
}

/**
 * TOTP secrets: 160 bits from the CSPRNG (RFC 4226 R6 recommends 160; NIST 800-63B-4 asks ≥ 112),
 * Base32 without padding for URIs, grouped by four for reading aloud or typing (G-04, G-06).
 */
import { randomBytes } from 'node:crypto';
import { base32nopad } from '@scure/base';

export const totpSecretBytes = 20;

export function generateTotpSecret(random: (size: number) => Uint8Array = randomBytes): Uint8Array {
  return Uint8Array.from(random(totpSecretBytes));
}

export function encodeTotpSecret(secret: Uint8Array): string {
  return base32nopad.encode(secret);
}

/** Accepts what people type: any case, spaces and dashes between groups, optional padding. */
export function decodeTotpSecret(typed: string): Uint8Array | undefined {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/=+$/, '');
  if (!/^[A-Z2-7]+$/.test(cleaned)) return undefined;
  try {
    return base32nopad.decode(cleaned);
  } catch {
    return undefined;
  }
}

export function groupTotpSecret(base32: string): string {
  return base32.match(/.{1,4}/g)?.join(' ') ?? '';
}

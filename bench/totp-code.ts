/**
 * What the user's authenticator app shows: RFC 6238 codes (HMAC-SHA-1, 6 digits, 30 s), computed
 * here with node:crypto rather than with the server's own TOTP module, so that the bench also
 * checks that Sesame agrees with an independent implementation.
 */
import { createHmac } from 'node:crypto';

export const totpPeriodMs = 30_000;

export function totpStepAt(nowMs: number): number {
  return Math.floor(nowMs / totpPeriodMs);
}

/** RFC 4226 §5.3: HOTP of the step counter, dynamic truncation, 6 decimal digits. */
export function totpCode(secret: Uint8Array, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/** Base32 (RFC 4648) as people copy it: any case, spaces between groups, no padding needed. */
export function decodeBase32(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const cleaned = text.toUpperCase().replace(/[\s=-]/g, '');
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of cleaned) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${JSON.stringify(char)}`);
    value = ((value << 5) | index) & 0xffff; // fewer than 13 bits are ever pending
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

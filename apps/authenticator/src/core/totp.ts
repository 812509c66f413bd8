/**
 * The 6-digit codes of Sesame Verify: RFC 6238 with the parameters of the contract's `TotpSeed`
 * (SHA-1, 6 digits, 30 s). The clock is an argument; HMAC and truncation come from otplib.
 */
import { generateSync } from 'otplib';

export const totpPeriodSeconds = 30;
const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 Base32, no padding (what the server sends); spaces and lower case tolerated. */
export function decodeBase32(text: string): Uint8Array {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const bytes = new Uint8Array(Math.floor((clean.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of clean) {
    const value = base32Alphabet.indexOf(char);
    if (value < 0) throw new TypeError('Not a Base32 secret');
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

/** The code of the 30-second period containing `nowMs`. */
export function totpCode(options: { secret: string; nowMs: number }): string {
  return generateSync({
    secret: decodeBase32(options.secret),
    epoch: Math.floor(options.nowMs / 1000),
    algorithm: 'sha1',
    digits: 6,
    period: totpPeriodSeconds,
  });
}

/** Whole seconds until the code changes: 30 at the start of a period, 1 in its last second. */
export function totpSecondsLeft(nowMs: number): number {
  return totpPeriodSeconds - (Math.floor(nowMs / 1000) % totpPeriodSeconds);
}

/** `287082` → `287 082`, for reading (the copy keeps the plain digits). */
export function formatTotpCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

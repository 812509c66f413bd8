/**
 * The codes of Sesame Verify: RFC 6238. An organization's accounts use the parameters of the
 * contract's `TotpSeed` (SHA-1, 6 digits, 30 s, the defaults here); « Autre » accounts may use
 * SHA-256 or SHA-512, 8 digits, 60 s. The clock is an argument; HMAC and truncation come from
 * otplib.
 */
import { generateSync } from 'otplib';

export const totpPeriodSeconds = 30;

export interface TotpParameters {
  algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  digits: 6 | 8;
  period: 30 | 60;
}

const hashNames = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' } as const;
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

/** The code of the period containing `nowMs` (SHA-1, 6 digits, 30 s unless told otherwise). */
export function totpCode(
  options: { secret: string; nowMs: number } & Partial<TotpParameters>,
): string {
  return generateSync({
    secret: decodeBase32(options.secret),
    epoch: Math.floor(options.nowMs / 1000),
    algorithm: hashNames[options.algorithm ?? 'SHA1'],
    digits: options.digits ?? 6,
    period: options.period ?? totpPeriodSeconds,
  });
}

/** Whole seconds until the code changes: `period` at the start of a period, 1 in its last second. */
export function totpSecondsLeft(nowMs: number, period: number = totpPeriodSeconds): number {
  return period - (Math.floor(nowMs / 1000) % period);
}

/** `287082` → `287 082`, `12345678` → `1234 5678`, for reading (the copy keeps the plain digits). */
export function formatTotpCode(code: string): string {
  if (code.length === 6) return `${code.slice(0, 3)} ${code.slice(3)}`;
  if (code.length === 8) return `${code.slice(0, 4)} ${code.slice(4)}`;
  return code;
}

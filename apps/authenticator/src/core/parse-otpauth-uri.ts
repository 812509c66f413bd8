/**
 * « Autre » accounts: the Key URI Format of other services' QR codes
 * (`otpauth://totp/Issuer:account?secret=…&issuer=…&algorithm=…&digits=…&period=…`, as Google
 * Authenticator defined it), and the key a person types instead. Only TOTP: SHA-1, SHA-256 or
 * SHA-512; 6 or 8 digits; 30 or 60 s. Anything else is refused with a code saying what, so the
 * app never keeps an account whose codes would be wrong.
 */
import { decodeBase32, type TotpParameters } from './totp.ts';

export type OtpauthErrorCode =
  /** Not an `otpauth://` URI at all (another QR code). */
  | 'otpauth.invalid'
  /** `otpauth://hotp/…`: counter-based codes are not offered. */
  | 'otpauth.hotp'
  | 'otpauth.secret_missing'
  /** Not Base32, or shorter than 80 bits. */
  | 'otpauth.secret_invalid'
  | 'otpauth.algorithm'
  | 'otpauth.digits'
  | 'otpauth.period';

export class OtpauthError extends Error {
  override readonly name = 'OtpauthError';
  readonly code: OtpauthErrorCode;
  constructor(code: OtpauthErrorCode) {
    super(code);
    this.code = code;
  }
}

export function isOtpauthError(error: unknown): error is OtpauthError {
  return error instanceof OtpauthError;
}

export interface OtpauthAccount extends TotpParameters {
  /** The service (`issuer` parameter, else the label's prefix); may be empty. */
  issuer: string;
  /** The account at that service (the label after `Issuer:`); may be empty. */
  accountName: string;
  /** Base32, upper case, without padding or spaces. */
  secret: string;
}

export const otpAlgorithms = ['SHA1', 'SHA256', 'SHA512'] as const;
export const otpDigits = [6, 8] as const;
export const otpPeriods = [30, 60] as const;

/** RFC 4226 §4 asks for 128 bits and recommends 160; 80 is what many services still issue. */
const minimumSecretBytes = 10;

/** A key as typed or scanned: spaces, hyphens, padding and lower case tolerated. */
export function normalizeOtpSecret(text: string): string {
  const secret = text.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  if (!secret) throw new OtpauthError('otpauth.secret_missing');
  // 1, 3 or 6 characters left over cannot end a Base32 text (RFC 4648 §6).
  if (!/^[A-Z2-7]+$/.test(secret) || [1, 3, 6].includes(secret.length % 8))
    throw new OtpauthError('otpauth.secret_invalid');
  if (decodeBase32(secret).length < minimumSecretBytes)
    throw new OtpauthError('otpauth.secret_invalid');
  return secret;
}

export function parseAlgorithm(value: string | null): TotpParameters['algorithm'] {
  if (value === null || value === '') return 'SHA1';
  const upper = value.toUpperCase().replace('-', '');
  const found = otpAlgorithms.find((algorithm) => algorithm === upper);
  if (!found) throw new OtpauthError('otpauth.algorithm');
  return found;
}

function parseChoice<T extends number>(
  value: string | null,
  allowed: readonly T[],
  fallback: T,
  code: OtpauthErrorCode,
): T {
  if (value === null || value === '') return fallback;
  const found = allowed.find((choice) => String(choice) === value.trim());
  if (found === undefined) throw new OtpauthError(code);
  return found;
}

export function parseOtpauthUri(text: string): OtpauthAccount {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new OtpauthError('otpauth.invalid');
  }
  if (url.protocol !== 'otpauth:') throw new OtpauthError('otpauth.invalid');
  // `otpauth://totp/…` parses with `totp` as the host (a non-special scheme keeps it as written).
  const type = url.host.toLowerCase();
  if (type === 'hotp') throw new OtpauthError('otpauth.hotp');
  if (type !== 'totp') throw new OtpauthError('otpauth.invalid');

  let label: string;
  try {
    label = decodeURIComponent(url.pathname.replace(/^\//, ''));
  } catch {
    throw new OtpauthError('otpauth.invalid');
  }
  const colon = label.indexOf(':');
  const labelIssuer = colon >= 0 ? label.slice(0, colon).trim() : '';
  const accountName = (colon >= 0 ? label.slice(colon + 1) : label).trim();
  const params = url.searchParams;
  const secret = params.get('secret');
  if (secret === null || secret.trim() === '') throw new OtpauthError('otpauth.secret_missing');
  return {
    issuer: params.get('issuer')?.trim() || labelIssuer,
    accountName,
    secret: normalizeOtpSecret(secret),
    algorithm: parseAlgorithm(params.get('algorithm')),
    digits: parseChoice(params.get('digits'), otpDigits, 6, 'otpauth.digits'),
    period: parseChoice(params.get('period'), otpPeriods, 30, 'otpauth.period'),
  };
}

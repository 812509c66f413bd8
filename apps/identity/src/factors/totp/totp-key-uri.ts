/**
 * The `otpauth://` Key URI that any authenticator app imports from a QR code (Google
 * Authenticator wiki "Key Uri Format"): label `Issuer:account`, issuer parameter equal to the
 * label prefix, no `:` inside either, Base32 secret without padding, explicit SHA1/6/30 (G-06).
 */
import { totpParameters } from './totp-code.ts';
import { encodeTotpSecret } from './totp-secret.ts';

export function totpKeyUri(options: {
  issuer: string;
  account: string;
  secret: Uint8Array;
}): string {
  // A colon would split the label in the wrong place: the spec forbids it in both parts.
  const issuer = options.issuer.replaceAll(':', ' ').trim();
  const account = options.account.replaceAll(':', ' ').trim();
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({
    secret: encodeTotpSecret(options.secret),
    issuer,
    algorithm: totpParameters.algorithm.toUpperCase(),
    digits: String(totpParameters.digits),
    period: String(totpParameters.periodSeconds),
  });
  return `otpauth://totp/${label}?${query.toString().replaceAll('+', '%20')}`;
}

/**
 * « Autre » accounts: other services' TOTP codes, added from their `otpauth://` QR code or key.
 * They live on the phone only (no server, no device key): a secret and its parameters. The PWA
 * keeps them in IndexedDB with the secret sealed like an organization's (`pwa/indexeddb-store.ts`).
 */
import type { OtpauthAccount } from './parse-otpauth-uri.ts';

export interface OtpAccount extends OtpauthAccount {
  /** Made here (`otp-` and a random UUID): never the id of an organization's device. */
  id: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

export interface OtpAccountStore {
  /** Oldest first. */
  list(): Promise<OtpAccount[]>;
  /** Insert or replace by id. */
  put(account: OtpAccount): Promise<void>;
  remove(id: string): Promise<void>;
}

export function newOtpAccount(parsed: OtpauthAccount, nowMs: number): OtpAccount {
  return { ...parsed, id: `otp-${crypto.randomUUID()}`, createdAt: nowMs };
}

/** The name shown for the account: the service, else the account name. */
export function otpAccountTitle(account: Pick<OtpAccount, 'issuer' | 'accountName'>): string {
  return account.issuer || account.accountName;
}

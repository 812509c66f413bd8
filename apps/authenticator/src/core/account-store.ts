/**
 * The accounts Sesame Verify holds, one per enrolled device. The core works on plain records;
 * each store protects them at rest its own way:
 * - PWA (`pwa/indexeddb-store.ts`): the private key stays a non-extractable CryptoKey inside
 *   IndexedDB, the TOTP secret is encrypted with AES-GCM under another non-extractable key;
 * - CLI (`cli/file-store.ts`): a JSON file readable by its owner only (0600), like `~/.ssh` keys.
 */
import type { Platform } from '@sesame/contracts';

export interface StoredAccount {
  /** The device id the server gave at activation (`kid` of every signed request). */
  id: string;
  /** The organization: origin of the identity server the app talks to. */
  issuer: string;
  username: string;
  displayName: string;
  /** A name the user gave this account in the app ("Rename"); the organization's name otherwise. */
  label?: string;
  /** The organization's name, as the server sent it at activation (absent: its host is shown). */
  organizationName?: string;
  /** Its logo, on the issuer's origin only (activate-account.ts checks it). */
  organizationLogoUrl?: string;
  /** This device's name, as the server knows it. */
  deviceName: string;
  platform: Platform;
  /** TOTP secret, Base32 without padding (decrypted: stores encrypt it at rest where they can). */
  secret: string;
  /** The device's ES256 private key, to sign requests (`kid` = id). */
  privateKey: CryptoKey;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

export interface AccountStore {
  /** Oldest first. */
  list(): Promise<StoredAccount[]>;
  get(id: string): Promise<StoredAccount | undefined>;
  /** Insert or replace by id. */
  put(account: StoredAccount): Promise<void>;
  remove(id: string): Promise<void>;
  /** Change the account's label; undefined when there is no such account. */
  rename(id: string, label: string): Promise<StoredAccount | undefined>;
}

/**
 * The name the app shows for an account: the user's label, or the organization's name, or, when
 * it set none, its host.
 */
export function accountTitle(
  account: Pick<StoredAccount, 'label' | 'issuer' | 'organizationName'>,
): string {
  return account.label?.trim() || organizationTitle(account);
}

/** The organization: its name when it set one, else the host of its server. */
export function organizationTitle(
  account: Pick<StoredAccount, 'issuer' | 'organizationName'>,
): string {
  return account.organizationName?.trim() || new URL(account.issuer).host;
}

/** Labels are short, one line (they appear above a code on a phone). */
export function normalizeLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().slice(0, 64);
}

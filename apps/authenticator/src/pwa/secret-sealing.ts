/**
 * TOTP secrets at rest in the PWA: AES-256-GCM under a non-extractable key that lives in
 * IndexedDB too. Whoever copies the database files gets ciphertext and a key handle the browser
 * never hands out; the account id is the additional data, so a sealed secret cannot be moved to
 * another account's record.
 */
export interface SealedSecret {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

const encoder = new TextEncoder();

export function generateSealingKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function sealSecret(
  key: CryptoKey,
  accountId: string,
  secret: string,
): Promise<SealedSecret> {
  // 96-bit random IV (NIST SP 800-38D §8.2.2): one key seals a handful of secrets.
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(accountId) },
    key,
    encoder.encode(secret),
  );
  return { iv, data };
}

export async function openSecret(
  key: CryptoKey,
  accountId: string,
  sealed: SealedSecret,
): Promise<string> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(accountId) },
    key,
    sealed.data,
  );
  return new TextDecoder().decode(plain);
}

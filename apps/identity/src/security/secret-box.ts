/**
 * Secrets at rest (signing keys, TOTP secrets): AES-256-GCM from node:crypto with a key
 * derived from the configured secret key, which lives outside the database (DESIGN §6).
 * Sealed form: base64url(iv(12) | tag(16) | ciphertext), with a purpose string as associated data
 * so that a value sealed for one purpose cannot be replayed as another.
 * Low-entropy codes that are only ever compared (typed activation codes) are kept as `mac`:
 * HMAC-SHA-256 under a key derived for that purpose, so a copy of the database alone cannot
 * search them offline (G-44).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface SecretBox {
  seal(plaintext: string, purpose: string): string;
  open(sealed: string, purpose: string): string;
  /** base64url(HMAC-SHA-256(message)) under the key derived for `purpose`. */
  mac(message: string, purpose: string): string;
}

export function createSecretBox(secretKey: Buffer): SecretBox {
  const key = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'sesame:secret-box', 32));
  const macKeys = new Map<string, Buffer>();
  const macKey = (purpose: string): Buffer => {
    let derived = macKeys.get(purpose);
    if (derived === undefined) {
      derived = deriveKey(secretKey, `mac:${purpose}`);
      macKeys.set(purpose, derived);
    }
    return derived;
  };
  return {
    mac(message, purpose) {
      return createHmac('sha256', macKey(purpose)).update(message, 'utf8').digest('base64url');
    },
    seal(plaintext, purpose) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(purpose));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(sealed, purpose) {
      const raw = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(purpose)).setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/** Derive an independent key for one use (cookies, CSRF) from the root secret key. */
export function deriveKey(secretKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), `sesame:${purpose}`, 32));
}

/**
 * The device key pair (ES256, P-256), made on the device with WebCrypto: the server only ever
 * sees the public half. In the PWA the private key is non-extractable (it can sign, nobody can
 * read it, not even the app); the CLI needs an extractable one to keep it in its state file.
 */
import type { DevicePublicJwk } from '@sesame/contracts';

export interface DeviceKeys {
  privateKey: CryptoKey;
  publicJwk: DevicePublicJwk;
}

const algorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export async function generateDeviceKeys(options: { extractable: boolean }): Promise<DeviceKeys> {
  const pair = await crypto.subtle.generateKey(algorithm, options.extractable, ['sign', 'verify']);
  return { privateKey: pair.privateKey, publicJwk: await exportPublicJwk(pair.publicKey) };
}

/** Only the public members: `d` (or anything else a browser adds, like key_ops) never leaves. */
export async function exportPublicJwk(publicKey: CryptoKey): Promise<DevicePublicJwk> {
  const jwk = await crypto.subtle.exportKey('jwk', publicKey);
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) {
    throw new TypeError('Not a P-256 public key');
  }
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

/** The private key as JWK (CLI state file only): requires an extractable key. */
export async function exportPrivateJwk(privateKey: CryptoKey): Promise<JsonWebKey> {
  const { kty, crv, x, y, d } = await crypto.subtle.exportKey('jwk', privateKey);
  return { kty, crv, x, y, d };
}

export async function importPrivateJwk(
  jwk: JsonWebKey,
  options: { extractable: boolean },
): Promise<CryptoKey> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d) {
    throw new TypeError('Not a P-256 private key');
  }
  return crypto.subtle.importKey('jwk', jwk, algorithm, options.extractable, ['sign']);
}

/**
 * The public key a device sends at activation: an EC P-256 point as JWK (RFC 7518 §6.2.1), and
 * nothing else. The schema already refuses extra members; this also refuses a private member
 * `d` should the schema ever be loosened, and makes WebCrypto import the point, which fails
 * unless it lies on the curve (an invalid point is the classic invalid-curve attack, RFC 8725 §3.4).
 */
import type { DevicePublicJwk } from '@sesame/contracts';
import { importJWK } from 'jose';

export async function checkDevicePublicKey(jwk: DevicePublicJwk): Promise<boolean> {
  // A private key must never travel, nor be stored (G-16: the server holds only public keys).
  if (Object.hasOwn(jwk, 'd')) return false;
  // Exactly an EC P-256 key.
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') return false;
  try {
    await importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, 'ES256');
    return true;
  } catch {
    // Not a point of P-256 (or not 32-byte coordinates).
    return false;
  }
}

/** The stored form: exactly the four public members, in a fixed order. */
export function serializeDevicePublicKey(jwk: DevicePublicJwk): string {
  return JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
}

/**
 * The JWS pieces the device's signed messages share (its request proofs, its push answers): the
 * protected header read without trusting it, the ES256 signature checked with the device's
 * registered public key, and the payload parsed as strict UTF-8 JSON. None throws.
 */
import {
  compactVerify,
  decodeProtectedHeader,
  importJWK,
  type ProtectedHeaderParameters,
} from 'jose';

export function decodeJwsHeader(jws: string): ProtectedHeaderParameters | undefined {
  try {
    return decodeProtectedHeader(jws);
  } catch {
    return undefined;
  }
}

/** The signed bytes, when `jws` is signed by the private half of `publicJwk` (ES256 only). */
export async function verifyDeviceSignature(
  jws: string,
  publicJwk: string,
): Promise<Uint8Array | undefined> {
  try {
    const key = await importJWK(JSON.parse(publicJwk), 'ES256');
    return (await compactVerify(jws, key, { algorithms: ['ES256'] })).payload;
  } catch {
    return undefined;
  }
}

export function parseJsonBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

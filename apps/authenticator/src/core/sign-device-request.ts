/**
 * The proof that a request comes from the enrolled device (contract: `DeviceProofPayload`): a
 * compact JWS, ES256, `kid` = deviceId, `typ` = `sesame-device+jwt`, binding the method, the
 * full URL with its query, the time, a unique id and the SHA-256 of the body (like DPoP,
 * RFC 9449 §4.2, which drops the query: Sesame signs it).
 * Sent as `Authorization: Device <jws>`.
 */
import { type DeviceProofPayload, deviceProofType, deviceProofUrl } from '@sesame/contracts';
import { base64url, CompactSign } from 'jose';

export interface SignDeviceRequestOptions {
  privateKey: CryptoKey;
  deviceId: string;
  method: string;
  /** The full URL of the request, query included (`https://id.example.com/api/device/me?x=1`). */
  url: string;
  /** The exact bytes sent, when the request has a body. */
  body?: string | Uint8Array;
  nowMs: number;
  /** Unique request id; 128 random bits by default. */
  jti?: string;
}

const encoder = new TextEncoder();

export async function signDeviceRequest(options: SignDeviceRequestOptions): Promise<string> {
  const payload: DeviceProofPayload = {
    htm: options.method.toUpperCase(),
    // The full URL, query included (the server checks it): see `deviceProofUrl`.
    htu: deviceProofUrl(options.url),
    iat: Math.floor(options.nowMs / 1000),
    jti: options.jti ?? randomJti(),
  };
  if (options.body !== undefined) payload.bsh = await bodyHash(options.body);
  return new CompactSign(encoder.encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'ES256', kid: options.deviceId, typ: deviceProofType })
    .sign(options.privateKey);
}

/** `Authorization` header value for a signed device request. */
export async function deviceAuthorization(options: SignDeviceRequestOptions): Promise<string> {
  return `Device ${await signDeviceRequest(options)}`;
}

export async function bodyHash(body: string | Uint8Array): Promise<string> {
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return base64url.encode(new Uint8Array(digest));
}

function randomJti(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(16)));
}

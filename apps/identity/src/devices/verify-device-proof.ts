/**
 * The proof that a request comes from an enrolled Sesame Verify device (contract `DeviceProof`):
 * `Authorization: Device <compact JWS>`, ES256, signed with the key the device made at activation,
 * binding the method, the full URL, the time, a unique id and the body's hash (like DPoP,
 * RFC 9449 §4.3). A copy of the database cannot forge it: the server holds only public keys (G-16).
 * Each check is one guard; the request id is recorded last, so only a valid proof consumes it.
 */
import { createHash } from 'node:crypto';
import {
  DeviceProofPayload,
  deviceProofMaxAgeSeconds,
  deviceProofType,
  deviceProofUrl,
} from '@sesame/contracts';
import type { ProtectedHeaderParameters } from 'jose';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { compileLater } from '../security/compile-later.ts';
import {
  type DeviceWithAccount,
  findDeviceWithAccount,
  recordDeviceRequestId,
} from './device-queries.ts';
import {
  decodeJwsHeader,
  parseJsonBytes,
  verifyDeviceSignature,
} from './verify-device-signature.ts';

export type DeviceProofFailure =
  | 'missing'
  | 'malformed'
  | 'bad_header'
  | 'unknown_device'
  | 'account_locked'
  | 'bad_signature'
  | 'bad_payload'
  | 'wrong_method'
  | 'wrong_url'
  | 'stale'
  | 'body_mismatch'
  | 'replayed';

export type DeviceProofResult =
  | { ok: true; device: DeviceWithAccount }
  | { ok: false; reason: DeviceProofFailure };

export interface DeviceProofInput {
  db: Kysely<Database>;
  now: () => number;
  /** The raw `Authorization` header. */
  authorization: string | undefined;
  method: string;
  /** The full public URL of the request: public URL + path + query. */
  url: string;
  /** The raw request body, exactly as received; undefined when there is none. */
  body: Uint8Array | undefined;
}

/** `Device <header>.<payload>.<signature>`, base64url parts; bounded before any parsing. */
const deviceScheme = /^Device ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;
const maxHeaderLength = 4096;
/** Device ids are UUIDs (randomUUID at registration). */
const deviceIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const payloadCheck = compileLater(DeviceProofPayload);

export async function verifyDeviceProof(input: DeviceProofInput): Promise<DeviceProofResult> {
  const jws = readDeviceProofHeader(input.authorization);
  // No credentials, or not the Device scheme.
  if (jws === undefined) return fail(input.authorization === undefined ? 'missing' : 'malformed');
  const header = decodeJwsHeader(jws);
  // Only ES256 (no `none`, no HMAC with a public key as secret: RFC 8725 §3.1), our type, a kid.
  if (header === undefined || !isDeviceProofHeader(header)) return fail('bad_header');
  const device = await findDeviceWithAccount(input.db, header.kid);
  // The kid names an enrolled device.
  if (device === undefined) return fail('unknown_device');
  const signed = await verifyDeviceSignature(jws, device.public_jwk);
  // Signed by the private key of that very device, over these exact bytes.
  if (signed === undefined) return fail('bad_signature');
  // A locked account's devices act for nobody.
  if (device.account_locked === 1) return fail('account_locked');
  const payload = parseJsonBytes(signed);
  // The claims are JSON of the contract's shape.
  if (!payloadCheck.Check(payload)) return fail('bad_payload');
  // Bound to this method (RFC 9449 §4.3 check 8).
  if (payload.htm !== input.method) return fail('wrong_method');
  // Bound to this URL, query included (stricter than RFC 9449 §4.3 check 9, which drops it): an
  // unsigned query could be rewritten under a valid proof.
  if (!sameUrl(payload.htu, input.url)) return fail('wrong_url');
  const nowSeconds = Math.floor(input.now() / 1000);
  // Fresh, in both directions: a proof made long ago or dated ahead is refused.
  if (Math.abs(nowSeconds - payload.iat) > deviceProofMaxAgeSeconds) return fail('stale');
  // Bound to this body: a body needs its hash, and a hash must match the body (empty if none).
  if (!bodyMatches(payload, input.body)) return fail('body_mismatch');
  const expiresAtMs = (payload.iat + deviceProofMaxAgeSeconds + 1) * 1000;
  const fresh = await recordDeviceRequestId(input.db, {
    jti: payload.jti,
    deviceId: device.id,
    expiresAtMs,
  });
  // Used once: the same proof again, even in parallel, is a replay (G-14).
  if (!fresh) return fail('replayed');
  return { ok: true, device };
}

export function readDeviceProofHeader(authorization: string | undefined): string | undefined {
  if (authorization === undefined || authorization.length > maxHeaderLength) return undefined;
  return deviceScheme.exec(authorization)?.[1];
}

/** base64url(SHA-256(body)), the `bsh` claim. */
export function hashRequestBody(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

function fail(reason: DeviceProofFailure): DeviceProofResult {
  return { ok: false, reason };
}

function isDeviceProofHeader(
  header: ProtectedHeaderParameters,
): header is ProtectedHeaderParameters & { kid: string } {
  return (
    header.alg === 'ES256' &&
    header.typ === deviceProofType &&
    typeof header.kid === 'string' &&
    deviceIdPattern.test(header.kid)
  );
}

/**
 * Equal once parsed (`HTTPS://Host:443/p` is `https://host/p`), query included, as the contract's
 * `deviceProofUrl` makes it; a claimed fragment or an unparseable URL never matches.
 */
function sameUrl(claimed: string, actual: string): boolean {
  if (!URL.canParse(claimed) || !URL.canParse(actual)) return false;
  return new URL(claimed).href === deviceProofUrl(actual);
}

function bodyMatches(payload: DeviceProofPayload, body: Uint8Array | undefined): boolean {
  const hasBody = body !== undefined && body.length > 0;
  if (payload.bsh === undefined) return !hasBody;
  return payload.bsh === hashRequestBody(body ?? new Uint8Array());
}

/**
 * CSRF defence for every form (G-29): the browser must not say the request is cross-site
 * (Fetch Metadata), the Origin, when sent, must be ours, and the form must carry a token that is
 * an HMAC of a value only this browser holds in a cookie (synchronizer token).
 */
import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

// The key, prepared once per key buffer: `createHmac` with raw bytes prepares it at every call.
const preparedKeys = new WeakMap<Buffer, KeyObject>();

function preparedKey(key: Buffer): KeyObject {
  let prepared = preparedKeys.get(key);
  if (prepared === undefined) {
    prepared = createSecretKey(key);
    preparedKeys.set(key, prepared);
  }
  return prepared;
}

export function csrfToken(key: Buffer, binding: string): string {
  return createHmac('sha256', preparedKey(key)).update(`csrf:${binding}`).digest('base64url');
}

export function isCsrfSafe(
  request: FastifyRequest,
  options: { key: Buffer; binding: string; publicOrigin: string; token: unknown },
): boolean {
  // Fetch Metadata: a browser tells us when a request comes from another site.
  if (request.headers['sec-fetch-site'] === 'cross-site') return false;
  // An Origin header, when present, must be our own public origin.
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== options.publicOrigin) return false;
  // The synchronizer token must be the HMAC of this browser's binding value.
  if (typeof options.token !== 'string') return false;
  const expected = Buffer.from(csrfToken(options.key, options.binding));
  const given = Buffer.from(options.token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

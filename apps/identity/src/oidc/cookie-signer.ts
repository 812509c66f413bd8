/**
 * The signatures of oidc-provider's cookies (its `cookies.keys`: "you may also pass your own
 * KeyGrip instance"), made as keygrip makes them — HMAC-SHA1 of `name=value`, base64url without
 * padding — so cookies signed before stay valid, and checked in constant time.
 *
 * Why not keygrip itself (bench/README.md, "where an MFA sign-in's CPU goes"): it prepares each
 * key from its string at every HMAC, and its comparison (tsscmp) makes two more HMACs under a fresh
 * random key per check; three key preparations per cookie read. Here each key is prepared once and
 * the comparison is `timingSafeEqual` on equal-length digests.
 */
import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';

export interface CookieSigner {
  sign(data: string): string;
  verify(data: string, digest: string): boolean;
  /** The index of the key that made `digest`, or -1 (the cookies module re-signs when not 0). */
  index(data: string, digest: string): number;
}

export function createCookieSigner(keys: readonly string[]): CookieSigner {
  // Keygrip uses a string key as its UTF-8 bytes.
  const prepared: KeyObject[] = keys.map((key) => createSecretKey(Buffer.from(key, 'utf8')));
  const first = prepared[0];
  if (first === undefined) throw new TypeError('cookie signing needs at least one key');
  const digestOf = (key: KeyObject, data: string) => createHmac('sha1', key).update(data).digest();
  const index = (data: string, digest: string) => {
    if (typeof digest !== 'string') return -1;
    const given = Buffer.from(digest, 'base64url');
    // A digest that is not the base64url of 20 bytes is no signature of ours.
    if (given.length !== 20 || given.toString('base64url') !== digest) return -1;
    for (const [at, key] of prepared.entries()) {
      if (timingSafeEqual(given, digestOf(key, data))) return at;
    }
    return -1;
  };
  return {
    sign: (data) => digestOf(first, data).toString('base64url'),
    verify: (data, digest) => index(data, digest) > -1,
    index,
  };
}

import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether an `Authorization` header carries `Bearer <expected>` (RFC 6750 §2.1). Compared in
 * constant time over digests, so neither the content nor the length of the token leaks.
 */
export function bearerTokenMatches(header: string | undefined, expected: string): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  // No bearer credential at all: nothing to compare.
  if (match?.[1] === undefined) return false;
  return timingSafeEqual(digest(match[1]), digest(expected));
}

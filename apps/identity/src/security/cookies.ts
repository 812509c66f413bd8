/**
 * Cookie attributes for Sesame's own cookies (G-26): `__Host-` prefix, Secure, HttpOnly, Path=/,
 * SameSite=Lax wherever the browser treats the origin as secure (HTTPS, or localhost).
 */
import type { CookieSerializeOptions } from '@fastify/cookie';

export interface CookiePolicy {
  name(base: string): string;
  options(maxAgeSeconds?: number): CookieSerializeOptions;
  /**
   * A cookie sent only under `path` (one sign-in's pages): `__Secure-` at most, since `__Host-`
   * requires Path=/. Many of them never add up in every request's Cookie header.
   */
  scoped(
    base: string,
    path: string,
  ): { name: string; options(maxAgeSeconds?: number): CookieSerializeOptions };
}

export function cookiePolicyFor(publicUrl: string): CookiePolicy {
  const url = new URL(publicUrl);
  const secure = url.protocol === 'https:' || url.hostname === 'localhost';
  const options = (path: string) => (maxAgeSeconds?: number) => ({
    path,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  });
  return {
    name: (base) => (secure ? `__Host-${base}` : base),
    options: options('/'),
    scoped: (base, path) => ({
      name: secure ? `__Secure-${base}` : base,
      options: options(path),
    }),
  };
}

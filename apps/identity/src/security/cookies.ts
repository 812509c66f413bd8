/**
 * Cookie attributes for Sesame's own cookies (G-26): `__Host-` prefix, Secure, HttpOnly, Path=/,
 * SameSite=Lax wherever the browser treats the origin as secure (HTTPS, or localhost).
 */
import type { CookieSerializeOptions } from '@fastify/cookie';

export interface CookiePolicy {
  name(base: string): string;
  options(maxAgeSeconds?: number): CookieSerializeOptions;
}

export function cookiePolicyFor(publicUrl: string): CookiePolicy {
  const url = new URL(publicUrl);
  const secure = url.protocol === 'https:' || url.hostname === 'localhost';
  return {
    name: (base) => (secure ? `__Host-${base}` : base),
    options: (maxAgeSeconds) => ({
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
    }),
  };
}

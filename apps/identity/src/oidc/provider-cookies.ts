/**
 * oidc-provider's cookies, set like Sesame's own (G-26, security/cookies.ts): Secure, HttpOnly,
 * SameSite=Lax and a prefix wherever the public origin is secure (HTTPS, or localhost). The
 * session cookie has Path=/ and takes `__Host-`. The interaction and resume cookies are scoped by
 * oidc-provider to one interaction's path, so that each sign-in in a browser (two tabs) keeps its
 * own (G-45); `__Host-` requires Path=/, so they take `__Secure-`.
 */
import type { Configuration } from 'oidc-provider';
import { cookiePolicyFor } from '../security/cookies.ts';
import { createCookieSigner } from './cookie-signer.ts';

export interface ProviderCookieNames {
  session: string;
  interaction: string;
  resume: string;
}

/** Whether the public origin is one where browsers keep Secure cookies (Sesame's rule). */
export function isSecureOrigin(publicUrl: string): boolean {
  return cookiePolicyFor(publicUrl).options().secure === true;
}

export function providerCookieNames(publicUrl: string): ProviderCookieNames {
  const secure = isSecureOrigin(publicUrl);
  const scoped = (base: string) => (secure ? `__Secure-${base}` : base);
  return {
    session: cookiePolicyFor(publicUrl).name('sesame-session'),
    interaction: scoped('sesame-interaction'),
    resume: scoped('sesame-resume'),
  };
}

export function providerCookies(
  publicUrl: string,
  keys: string[],
): NonNullable<Configuration['cookies']> {
  const options = {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureOrigin(publicUrl),
  } as const;
  return {
    keys: createCookieSigner(keys),
    names: providerCookieNames(publicUrl),
    long: options,
    short: options,
  };
}

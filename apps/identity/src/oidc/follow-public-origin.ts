/**
 * oidc-provider (a Koa app) asks the request whether it came over HTTPS (`ctx.secure`,
 * `ctx.protocol`): the socket, or X-Forwarded-Proto once proxies are trusted. Behind a TLS proxy
 * with no trusted proxy configured it would see plain HTTP: Koa then refuses to set a Secure
 * cookie, and discovery and form actions would name http URLs. The public URL is configuration,
 * as it is for Sesame's own cookies (security/cookies.ts): follow it instead.
 */
import type Provider from 'oidc-provider';
import { isSecureOrigin } from './provider-cookies.ts';

export function followPublicOrigin(provider: Provider, publicUrl: string): void {
  if (new URL(publicUrl).protocol === 'https:') {
    Object.defineProperty(provider.request, 'protocol', { configurable: true, get: () => 'https' });
    return;
  }
  // http://localhost: browsers keep Secure cookies there; the URLs stay http.
  if (isSecureOrigin(publicUrl))
    Object.defineProperty(provider.request, 'secure', { configurable: true, get: () => true });
}

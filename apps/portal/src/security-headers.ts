/**
 * Security headers on every response (SECURITY-GOALS G-36; ASVS 3.4): a strict CSP without any
 * inline script or style (scripts only from the portal's own files), no sniffing, no referrer, no
 * framing, and no caching by default since the portal's pages carry personal data. Static assets opt in to caching themselves.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PortalConfig } from './config.ts';

export function contentSecurityPolicy(config: PortalConfig): string {
  return [
    "default-src 'none'",
    // Scripts from the portal's own files only (the approval page's status check), never inline.
    "script-src 'self'",
    "connect-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    // The sign-out form ends in a redirect to the issuer, which form-action also governs.
    `form-action 'self' ${new URL(config.issuer).origin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function securityHeaders(config: PortalConfig): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(config),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
  if (new URL(config.publicUrl).protocol === 'https:') {
    // HSTS only makes sense (and is only honoured) over https.
    headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  }
  return headers;
}

/** An `onSend` hook that applies the headers to every reply, errors and 404s included. */
export function createSecurityHeadersHook(config: PortalConfig) {
  const headers = securityHeaders(config);
  return async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    reply.headers(headers);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  };
}

/**
 * Security headers on every response, including those oidc-provider writes itself (set on the raw
 * response before any handler runs): strict nonce-based CSP, nosniff, referrer policy, framing
 * denied, HSTS when served over HTTPS (G-36).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';

export interface SecurityHeadersOptions {
  https: boolean;
}

const nonceKey = Symbol('sesame.cspNonce');

/** The nonce of a raw request: oidc-provider's own pages (Koa) read it from here. */
export function nonceOf(req: IncomingMessage): string {
  return (req as IncomingMessage & { [nonceKey]?: string })[nonceKey] ?? '';
}

declare module 'fastify' {
  interface FastifyRequest {
    cspNonce: string;
  }
}

export function contentSecurityPolicy(nonce: string, formActions: string[] = []): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    // Chromium applies form-action to the redirects after a POST too: allow the client's origin.
    `form-action 'self' ${formActions.join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Widen form-action for a page whose form ends in a redirect to a client application. */
export function allowFormActions(reply: FastifyReply, nonce: string, origins: string[]): void {
  reply.raw.setHeader('content-security-policy', contentSecurityPolicy(nonce, origins));
}

async function securityHeaders(app: FastifyInstance, options: SecurityHeadersOptions) {
  app.decorateRequest('cspNonce', '');
  app.addHook('onRequest', async (request, reply) => {
    request.cspNonce = randomBytes(16).toString('base64');
    (request.raw as IncomingMessage & { [nonceKey]?: string })[nonceKey] = request.cspNonce;
    const res = reply.raw;
    res.setHeader('content-security-policy', contentSecurityPolicy(request.cspNonce));
    res.setHeader('x-content-type-options', 'nosniff');
    // same-origin, not no-referrer: with no-referrer, browsers send `Origin: null` on our own form posts.
    res.setHeader('referrer-policy', 'same-origin');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    res.setHeader('permissions-policy', 'camera=(self), geolocation=(), microphone=()');
    if (options.https)
      res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}

export const securityHeadersPlugin = fp(securityHeaders, { name: 'security-headers' });

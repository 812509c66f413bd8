/**
 * Serves Sesame Verify under /app/ of the identity server. Every path under /app/ that is not a
 * file is the app's document (client-side screens, `/app/activate#token=…`). The app's own CSP
 * replaces the server's nonce-based one: the PWA loads only its own files, talks only to its own
 * origin, and may use the camera stream (`media-src blob:`).
 *
 *   await app.register(serveAuthenticatorApp, { bundle: await buildAuthenticatorApp() });
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppBundle, AppFile } from './build-app.ts';

export interface ServeAuthenticatorAppOptions {
  bundle: AppBundle;
}

export const authenticatorAppCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "media-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'self'",
].join('; ');

const immutable = 'public, max-age=31536000, immutable';

export async function serveAuthenticatorApp(
  app: FastifyInstance,
  options: ServeAuthenticatorAppOptions,
): Promise<void> {
  const { bundle } = options;
  const documentFile = bundle.get('/app/index.html');
  if (!documentFile) throw new Error('The Sesame Verify bundle has no index.html');

  app.get('/app', (_request, reply) => reply.redirect('/app/', 301));
  app.get('/app/*', (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const file = bundle.get(path);
    if (file) return send(reply, path, file);
    // A missing file (an old hashed bundle, a mistyped icon) is a 404, not the app's document.
    if (/\.[a-z0-9]+$/i.test(path)) return reply.code(404).type('text/plain').send('Not found');
    return send(reply, '/app/index.html', documentFile);
  });
}

function send(reply: FastifyReply, path: string, file: AppFile): FastifyReply {
  // The server sets its default CSP on the raw response before any handler: replace it there too.
  reply.raw.setHeader('content-security-policy', authenticatorAppCsp);
  reply.header('content-security-policy', authenticatorAppCsp);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('content-type', file.contentType);
  reply.header('cache-control', cacheControlFor(path));
  if (path === '/app/sw.js') reply.header('service-worker-allowed', '/app/');
  return reply.send(file.body);
}

function cacheControlFor(path: string): string {
  if (path.startsWith('/app/assets/')) return immutable;
  // The document, the service worker and the manifest are revalidated on every load.
  if (path.startsWith('/app/icons/')) return 'public, max-age=86400';
  return 'no-cache';
}

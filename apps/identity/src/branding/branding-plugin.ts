/**
 * The organization's branding on every page: read once per request that may answer with a page
 * (not the assets', the app's, the device API's or the health checks') into `request.branding`;
 * and the two files the pages link to — the logo, at a fixed path, its type told by its own
 * bytes, never sniffed (`nosniff`) and sandboxed; and the stylesheet that sets the accent colour.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { type Static, Type } from 'typebox';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { darkerShade } from './accent-colour.ts';
import { type Branding, noBranding, readBranding, readLogo } from './branding-settings.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The organization's name, logo, colour and support contact (branding/). */
    branding: Branding;
  }
}

const brandingKey = Symbol('sesame.branding');

/** The branding of a raw request: oidc-provider's own pages (Koa) read it from here. */
export function brandingOf(req: IncomingMessage): Branding {
  return (req as IncomingMessage & { [brandingKey]?: Branding })[brandingKey] ?? noBranding;
}

/** Not pages: nothing of theirs shows the branding (and health checks read no settings). */
const unbranded = ['/assets/', '/app/', '/api/', '/branding/', '/healthz', '/readyz', '/metrics'];

/** What may answer with a page: a browser's request, or a form's post (ui/error-handler.tsx). */
function mayRenderPage(request: FastifyRequest): boolean {
  if (unbranded.some((prefix) => request.url.startsWith(prefix))) return false;
  const type = request.headers['content-type'] ?? '';
  return (
    (request.headers.accept ?? '').includes('text/html') ||
    type.startsWith('application/x-www-form-urlencoded') ||
    type.startsWith('multipart/form-data')
  );
}

const Versioned = Type.Object({ v: Type.Optional(Type.String({ maxLength: 64 })) });

/** The logo is an image and nothing else: no script, no frame, no plug-in, even opened alone. */
const logoCsp =
  "default-src 'none'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; sandbox";

async function branding(app: FastifyInstance, options: { db: Kysely<Database> }) {
  const { db } = options;
  app.decorateRequest('branding', null as unknown as Branding);
  app.addHook('onRequest', async (request) => {
    request.branding = mayRenderPage(request) ? await readBranding(db) : noBranding;
    (request.raw as IncomingMessage & { [brandingKey]?: Branding })[brandingKey] = request.branding;
  });

  app.get<{ Querystring: Static<typeof Versioned> }>(
    '/branding/logo',
    { schema: { querystring: Versioned } },
    async (request, reply) => {
      const logo = await readLogo(db);
      if (logo === undefined) throw new AppError('request.not_found');
      const etag = `"${logo.hash}"`;
      setCacheFor(reply, request.query.v === logo.hash);
      reply.raw.setHeader('content-security-policy', logoCsp);
      reply
        .header('content-security-policy', logoCsp)
        .header('x-content-type-options', 'nosniff')
        .header('cross-origin-resource-policy', 'same-origin')
        .header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.header('content-type', logo.type).send(logo.bytes);
    },
  );

  app.get<{ Querystring: Static<typeof Versioned> }>(
    '/branding/theme.css',
    { schema: { querystring: Versioned } },
    async (request, reply) => {
      const { accent } = await readBranding(db);
      if (accent === undefined) throw new AppError('request.not_found');
      setCacheFor(reply, request.query.v === accent.slice(1));
      return reply
        .header('content-type', 'text/css; charset=utf-8')
        .send(`:root {\n  --accent: ${accent};\n  --accent-dark: ${darkerShade(accent)};\n}\n`);
    },
  );
}

/** A versioned URL naming what is served is cached for good; any other, revalidated. */
function setCacheFor(reply: FastifyReply, current: boolean): void {
  reply.header('cache-control', current ? 'public, max-age=31536000, immutable' : 'no-cache');
}

export const brandingPlugin = fp(branding, {
  name: 'branding',
  dependencies: ['security-headers'],
});

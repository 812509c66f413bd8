import type { IncomingMessage, ServerResponse } from 'node:http';
import middie from '@fastify/middie';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type Provider from 'oidc-provider';
import type { LiveProvider } from './live-provider.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * oidc-provider is a Koa app: mount its callback under /oidc (oidc-provider docs, "to a fastify
 * application"). Not encapsulated: the middleware must see requests no Fastify route matches.
 * Each request goes to the provider with the current signing keys (live-provider.ts).
 */
async function mountOidc(app: FastifyInstance, options: { live: LiveProvider }): Promise<void> {
  await app.register(middie);
  const handlers = new WeakMap<Provider, Handler>();
  const handlerOf = (provider: Provider): Handler => {
    const known = handlers.get(provider);
    if (known !== undefined) return known;
    const made = provider.callback();
    handlers.set(provider, made);
    return made;
  };
  app.use('/oidc', (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    options.live.current().then(
      (provider) => handlerOf(provider)(req, res),
      (error: unknown) => next(error),
    );
  });
}

export const mountOidcPlugin = fp(mountOidc, { name: 'oidc' });

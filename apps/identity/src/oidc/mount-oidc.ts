import middie from '@fastify/middie';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type Provider from 'oidc-provider';

/**
 * oidc-provider is a Koa app: mount its callback under /oidc (oidc-provider docs, "to a fastify
 * application"). Not encapsulated: the middleware must see requests no Fastify route matches.
 */
async function mountOidc(app: FastifyInstance, options: { provider: Provider }): Promise<void> {
  await app.register(middie);
  app.use('/oidc', options.provider.callback());
}

export const mountOidcPlugin = fp(mountOidc, { name: 'oidc' });

/**
 * The admin API's one gate (the API's own Fastify context, DESIGN.md): a bearer token made in the
 * console, not revoked nor expired, holding the scope the route names (`config.apiScope`; a route
 * naming none is refused to every token). No cookie counts here, so no form can be forged
 * against it (CSRF does not apply); answers are JSON.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ApiScope } from './api-scopes.ts';
import { useApiToken } from './api-token-queries.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope an admin API route needs. */
    apiScope?: ApiScope;
  }
  interface FastifyRequest {
    /** The token of an admin API request (api-guard.ts). */
    apiToken: { id: string; scopes: string[] };
  }
}

export function apiGuard(options: { db: Kysely<Database>; now: () => number }) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization ?? '';
    const presented = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header)?.[1];
    const token =
      presented === undefined ? undefined : await useApiToken(options.db, presented, options.now());
    if (token === undefined) {
      // RFC 6750 §3: say how to authenticate, and nothing of why this token is not one.
      await reply
        .status(401)
        .header('www-authenticate', 'Bearer realm="sesame-admin-api"')
        .header('cache-control', 'no-store')
        .send({ error: 'api.unauthorized', message: 'A valid API token is required.' });
      return;
    }
    const scopes = token.scopes.split(' ');
    const needed = request.routeOptions.config.apiScope;
    if (needed === undefined || !scopes.includes(needed)) {
      await reply
        .status(403)
        .header('www-authenticate', `Bearer error="insufficient_scope", scope="${needed ?? ''}"`)
        .send({
          error: 'api.insufficient_scope',
          message: `This token lacks ${needed ?? 'a scope'}.`,
        });
      return;
    }
    request.apiToken = { id: token.id, scopes };
  };
}

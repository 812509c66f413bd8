/**
 * The admin API under `/admin/api` (issue 9 §2): its own context and gate (api-guard.ts: a bearer
 * token and its scope, never the console's cookie), JSON in and out with a schema on every
 * request and response, and its OpenAPI document at `/admin/api/openapi.json`, made by
 * @fastify/swagger from those schemas.
 */
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { ConsoleOptions } from '../console-routes.tsx';
import { apiGuard } from './api-guard.ts';
import { clientsApiRoutes } from './clients-api-routes.ts';
import { groupsApiRoutes } from './groups-api-routes.ts';
import { policyApiRoutes } from './policy-api-routes.ts';
import { userMethodsApiRoutes } from './user-methods-api-routes.ts';
import { usersApiRoutes } from './users-api-routes.ts';

export const openApiPath = '/admin/api/openapi.json';

export async function adminApiRoutes(app: FastifyInstance, options: ConsoleOptions) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sesame admin API',
        version: '1',
        description:
          'Users and their MFA, and client applications, with tokens made in the administration console.',
      },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
    },
    // Only the API's own routes: this document describes nothing else.
    transform: ({ schema, url }) => ({
      schema: { ...schema, hide: !url.startsWith('/admin/api/') || url === openApiPath },
      url,
    }),
  });
  app.get(openApiPath, async () => app.swagger());
  await app.register(async (api) => {
    api.addHook('preValidation', apiGuard(options));
    await api.register(usersApiRoutes, options);
    await api.register(userMethodsApiRoutes, options);
    await api.register(clientsApiRoutes, options);
    await api.register(groupsApiRoutes, options);
    await api.register(policyApiRoutes, options);
  });
}

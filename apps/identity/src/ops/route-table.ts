/**
 * Every route of the app as it is registered, kept on the instance: the tests that must cover
 * every route walk it (every `/admin` route behind the console's gate), so that a route added
 * later is in them without anyone listing it.
 */
import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  url: string;
  /** The role a console route asks for (`config.adminRole`). */
  adminRole: string | undefined;
  /** The scope an admin API route asks for (`config.apiScope`). */
  apiScope: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RouteEntry[];
  }
}

export function recordRouteTable(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const config = route.config as { adminRole?: string; apiScope?: string } | undefined;
    for (const method of [route.method].flat())
      table.push({
        method,
        url: route.url,
        adminRole: config?.adminRole,
        apiScope: config?.apiScope,
      });
  });
  app.decorate('routeTable', table);
}

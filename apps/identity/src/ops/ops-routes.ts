import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Metrics } from './metrics.ts';

/** Liveness, readiness (the database answers) and Prometheus metrics. */
export async function opsRoutes(
  app: FastifyInstance,
  options: { db: Kysely<Database>; metrics: Metrics },
) {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(options.db);
      return { status: 'ready' };
    } catch (error) {
      app.log.warn({ err: error }, 'database not ready');
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', options.metrics.registry.contentType);
    return options.metrics.registry.metrics();
  });
}

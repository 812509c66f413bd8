import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { bearerTokenMatches } from './bearer-token-matches.ts';
import type { Metrics } from './metrics.ts';

/** Prometheus metrics at `/metrics`, for the holder of the token when one is configured (G-42). */
export async function metricsRoutes(
  app: FastifyInstance,
  options: { metrics: Metrics; token: string | undefined },
) {
  const { metrics, token } = options;
  app.get('/metrics', async (request, reply) => {
    // G-42: without the configured token, nothing of the operations is shown.
    if (token !== undefined && !bearerTokenMatches(request.headers.authorization, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new AppError('metrics.unauthorized');
    }
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}

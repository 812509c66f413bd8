/**
 * The metrics listener (SESAME_METRICS_PORT): a server of its own that serves only `/metrics`,
 * so the public listener shows nothing of the operations (G-42). main.ts makes it listen.
 */
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { Config } from '../config.ts';
import { installErrorHandler } from '../ui/error-handler.tsx';
import { loggerOptions } from './logger-options.ts';
import type { Metrics } from './metrics.ts';
import { metricsRoutes } from './metrics-routes.ts';

export async function buildMetricsApp(
  config: Readonly<Config>,
  metrics: Metrics,
): Promise<FastifyInstance> {
  // Scraped every few seconds: errors are logged, not each request.
  const app = Fastify({
    logger: loggerOptions(config),
    logController: new LogController({ disableRequestLogging: true }),
  });
  installErrorHandler(app);
  await app.register(metricsRoutes, { metrics, token: config.metrics.token });
  return app;
}

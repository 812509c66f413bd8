/**
 * The steps of a flow past the password — enrollment (with each method's pages) and the second
 * factor — for one host (ADR 0005): registered under `/interaction/:uid` for an application's
 * sign-in and under `/account/step-up/:uid` for a step-up, with that host's kit in `deps`.
 */
import type { FastifyInstance } from 'fastify';
import { enrollmentRoutes } from '../enrollment/enrollment-routes.tsx';
import type { FactorDeps } from '../factors/factor.ts';
import { InteractionParams } from './interaction-params.ts';
import { secondFactorRoutes } from './second-factor-routes.tsx';

export async function stepRoutes(
  app: FastifyInstance,
  // The deps apart from the registration's own options (its `prefix` must not reach the
  // plugins registered below, which would prefix their routes twice).
  { deps }: { deps: FactorDeps },
): Promise<void> {
  // Every route here is under the flow's `:uid`: validated alike, whoever registered the route.
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, params: InteractionParams };
  });
  await app.register(enrollmentRoutes, deps);
  await app.register(secondFactorRoutes, deps);
}

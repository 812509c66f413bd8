import { Counter, collectDefaultMetrics, Registry } from 'prom-client';

/** One registry per app instance (tests build many apps in one process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sesame_' });
  const signIns = new Counter({
    name: 'sesame_sign_in_attempts_total',
    help: 'Password sign-in attempts by result',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  return { registry, signIns };
}

export type Metrics = ReturnType<typeof createMetrics>;

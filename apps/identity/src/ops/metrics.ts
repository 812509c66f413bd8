import { Counter, collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One registry per app instance (tests build many apps in one process). No label tells why a
 * sign-in failed: unknown account, wrong password and locked account look alike (G-42).
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sesame_' });
  const signIns = new Counter({
    name: 'sesame_sign_in_attempts_total',
    help: 'Password sign-in attempts by result (success or failure)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  return { registry, signIns };
}

export type Metrics = ReturnType<typeof createMetrics>;

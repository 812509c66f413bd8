/** loadConfig() → buildApp() → listen; graceful close on SIGINT/SIGTERM. */

import { join } from 'node:path';
import closeWithGrace from 'close-with-grace';
import { ensureDemoAccount } from './accounts/ensure-demo-account.ts';
import { createPasswordHasher } from './accounts/password-hasher.ts';
import { type AppDeps, buildApp } from './app.ts';
import { type Config, loadConfig } from './config.ts';
import { createDb } from './db/create-db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildMetricsApp } from './ops/build-metrics-app.ts';
import { localCertificate } from './ops/local-certificate.ts';
import { createMetrics } from './ops/metrics.ts';

export interface StartedIdentity {
  url: string;
  /** Set when this start created the demo account (first start, no accounts). */
  demo: { username: string; password: string } | undefined;
  /** With SESAME_HTTPS=lan: the local authority's certificate (PEM), to trust on the phone. */
  localCaCert: string | undefined;
  close(): Promise<void>;
}

export async function startIdentity(
  config: Readonly<Config>,
  deps: AppDeps = {},
): Promise<StartedIdentity> {
  const db = deps.db ?? createDb(config.database);
  await migrateToLatest(db);
  const demo = await ensureDemoAccount({
    db,
    hasher: createPasswordHasher(deps.argon2),
    now: deps.now ?? Date.now,
  });
  const tls = config.lanHttps
    ? await localCertificate(join(config.dataDir, 'tls'), [
        new URL(config.publicUrl).hostname,
        'localhost',
      ])
    : undefined;
  const metrics = createMetrics();
  const app = await buildApp(config, { ...deps, db, metrics, ...(tls ? { tls } : {}) });
  await app.listen({ host: config.host, port: config.port });
  // G-42: metrics on a listener of their own when SESAME_METRICS_PORT says so.
  const { port: metricsPort, host: metricsHost } = config.metrics;
  const metricsApp = metricsPort === undefined ? undefined : await buildMetricsApp(config, metrics);
  await metricsApp?.listen({ host: metricsHost, port: metricsPort });
  return {
    url: config.publicUrl,
    demo,
    localCaCert: tls?.caCert,
    close: async () => {
      await metricsApp?.close();
      await app.close();
      if (deps.db === undefined) await db.destroy();
    },
  };
}

if (import.meta.main) {
  const identity = await startIdentity(loadConfig());
  if (identity.demo)
    console.log(`Demo account: ${identity.demo.username} / ${identity.demo.password}`);
  closeWithGrace({ delay: 5000 }, async ({ err }) => {
    if (err) console.error(err);
    await identity.close();
  });
}

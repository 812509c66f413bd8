/**
 * loadConfig() → buildApp() → listen; graceful close on SIGINT/SIGTERM.
 *
 * Start-up order (bench/README.md, "ready in under 1 s"): Sesame Verify's bundle is asked for
 * before the server's modules are loaded, so that esbuild, in its own process, makes it while
 * this one loads them; it is kept under the data directory, and a later start with the same
 * sources reads it back. Modules that only some configurations use (the local certificate
 * authority of SESAME_HTTPS=lan) are loaded only then.
 */

import { join } from 'node:path';
import { buildAuthenticatorApp } from '@sesame/authenticator/server';
import type { AppDeps } from './app.ts';
import type { Config } from './config.ts';

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
  // buildApp asks for the same bundle and reports its failure; nothing is lost if none is cached.
  buildAuthenticatorApp({ cacheDir: join(config.dataDir, 'cache') }).catch(() => undefined);
  const [{ buildApp }, { createDb }, { migrateToLatest }, { ensureDemoAccount }, hashing, ops] =
    await Promise.all([
      import('./app.ts'),
      import('./db/create-db.ts'),
      import('./db/migrate.ts'),
      import('./accounts/ensure-demo-account.ts'),
      import('./accounts/password-hasher.ts'),
      Promise.all([import('./ops/build-metrics-app.ts'), import('./ops/metrics.ts')]),
    ]);
  const [{ buildMetricsApp }, { createMetrics }] = ops;
  const db = deps.db ?? createDb(config.database);
  await migrateToLatest(db);
  const demo = await ensureDemoAccount({
    db,
    hasher: hashing.createPasswordHasher(deps.argon2),
    now: deps.now ?? Date.now,
  });
  const tls = config.lanHttps
    ? await (await import('./ops/local-certificate.ts')).localCertificate(
        join(config.dataDir, 'tls'),
        [new URL(config.publicUrl).hostname, 'localhost'],
      )
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
  const [{ loadConfig }, { default: closeWithGrace }] = await Promise.all([
    import('./config.ts'),
    import('close-with-grace'),
  ]);
  const identity = await startIdentity(loadConfig());
  if (identity.demo)
    console.log(`Demo account: ${identity.demo.username} / ${identity.demo.password}`);
  closeWithGrace({ delay: 5000 }, async ({ err }) => {
    if (err) console.error(err);
    await identity.close();
  });
}

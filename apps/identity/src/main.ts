/** loadConfig() → buildApp() → listen; graceful close on SIGINT/SIGTERM. */
import closeWithGrace from 'close-with-grace';
import { ensureDemoAccount } from './accounts/ensure-demo-account.ts';
import { createPasswordHasher } from './accounts/password-hasher.ts';
import { type AppDeps, buildApp } from './app.ts';
import { type Config, loadConfig } from './config.ts';
import { createDb } from './db/create-db.ts';
import { migrateToLatest } from './db/migrate.ts';

export interface StartedIdentity {
  url: string;
  /** Set when this start created the demo account (first start, no accounts). */
  demo: { username: string; password: string } | undefined;
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
  const app = await buildApp(config, { ...deps, db });
  await app.listen({ host: config.host, port: config.port });
  return {
    url: config.publicUrl,
    demo,
    close: async () => {
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

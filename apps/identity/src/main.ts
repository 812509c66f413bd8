/** loadConfig() → buildApp() → listen; graceful close on SIGINT/SIGTERM. */
import closeWithGrace from 'close-with-grace';
import { type AppDeps, buildApp } from './app.ts';
import { type Config, loadConfig } from './config.ts';

export async function startIdentity(config: Readonly<Config>, deps: AppDeps = {}) {
  const app = await buildApp(config, deps);
  await app.listen({ host: config.host, port: config.port });
  return { app, url: config.publicUrl, close: () => app.close() };
}

if (import.meta.main) {
  const config = loadConfig();
  const { app, url } = await startIdentity(config);
  app.log.info(`Sesame identity server ready at ${url}`);
  closeWithGrace({ delay: 5000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    await app.close();
  });
}

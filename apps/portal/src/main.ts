/**
 * Starts the portal: `startPortal(config)` for a launcher (listens, returns its URL and a close
 * function), or run directly (`npx tsx apps/portal/src/main.ts`) to read the environment and listen.
 */
import type { FastifyServerOptions } from 'fastify';
import { buildPortalApp } from './app.ts';
import { loadPortalConfig, type PortalConfig } from './config.ts';

export interface StartedPortal {
  /** The portal's public URL (`config.publicUrl`). */
  readonly url: string;
  close(): Promise<void>;
}

export interface StartPortalOptions {
  logger?: FastifyServerOptions['logger'];
}

export async function startPortal(
  config: PortalConfig,
  options: StartPortalOptions = {},
): Promise<StartedPortal> {
  const app = buildPortalApp(config, { logger: options.logger ?? { level: 'info' } });
  await app.listen({ port: config.port, host: config.host });
  return {
    url: config.publicUrl,
    close: async () => {
      await app.close();
    },
  };
}

async function runFromEnvironment(): Promise<void> {
  const portal = await startPortal(loadPortalConfig(process.env));
  const shutDown = (): void => {
    portal.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutDown);
  process.once('SIGTERM', shutDown);
}

if (import.meta.main) {
  runFromEnvironment().catch((error: unknown) => {
    // Configuration errors name the variable: print the message, not a stack.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

/**
 * A test app listening on a real port, for clients that speak HTTP themselves (openid-client):
 * the public URL must be known before the app is built, so a free port is picked first.
 */
import { createServer } from 'node:net';
import * as client from 'openid-client';
import { type Backend, buildTestApp, type TestApp, type TestAppOptions } from './build-test-app.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export async function listenTestApp(
  backend: Backend,
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp & { url: string }> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const t = await buildTestApp(backend, { SESAME_PUBLIC_URL: url, ...env }, options);
  await t.app.listen({ host: '127.0.0.1', port });
  return { ...t, url };
}

/** openid-client's configuration for the portal's client at this app (plain HTTP allowed: tests). */
export function discoverPortalClient(t: TestApp): Promise<client.Configuration> {
  return client.discovery(
    new URL(t.config.issuer),
    'espace-client',
    'portal-test-secret',
    undefined,
    {
      execute: [client.allowInsecureRequests],
    },
  );
}

/**
 * @simplewebauthn/browser for the pages, as the package ships it for browsers (its minified
 * bundle, which defines `SimpleWebAuthnBrowser`): read once from node_modules and served at
 * `/assets/vendor/simplewebauthn-browser.js`, so nothing is compiled at install or at start.
 * The page's own script (public/webauthn-ceremony.js) calls it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

export const webauthnBrowserScriptPath = '/assets/vendor/simplewebauthn-browser.js';

/** The package's exports name only its module entry points: its bundle sits beside them. */
function bundleFile(): string {
  const entry = createRequire(import.meta.url).resolve('@simplewebauthn/browser');
  return join(dirname(entry), '..', 'dist', 'bundle', 'index.umd.min.js');
}

export async function webauthnBrowserScriptRoute(app: FastifyInstance): Promise<void> {
  const script = await readFile(bundleFile(), 'utf8');
  app.get(webauthnBrowserScriptPath, async (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(script),
  );
}

/**
 * Builds Sesame Verify in memory, once per process: esbuild bundles the PWA (Preact) and its
 * service worker; `public/` adds the manifest, the style sheet and the icons; index.html loads
 * the bundle from a file (CSP `script-src 'self'`: no inline script). Script and style names
 * carry a content hash, so they can be cached for a year; the rest is revalidated.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { build } from 'esbuild';

export interface AppFile {
  contentType: string;
  body: Buffer;
}

export type AppBundle = Map<string, AppFile>;

const sourceDir = join(import.meta.dirname, 'pwa');
const publicDir = join(import.meta.dirname, '..', 'public');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

let cached: Promise<AppBundle> | undefined;

/** The built app, keyed by path (`/app/`, `/app/index.html`, `/app/sw.js`, `/app/assets/…`). */
export function buildAuthenticatorApp(): Promise<AppBundle> {
  cached ??= buildOnce().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function buildOnce(): Promise<AppBundle> {
  const files: AppBundle = new Map();
  const add = (path: string, body: Buffer) =>
    files.set(path, {
      contentType: contentTypes[extname(path)] ?? 'application/octet-stream',
      body,
    });

  for (const file of await listFiles(publicDir)) {
    const path = relative(publicDir, file).split(sep).join('/');
    if (path === 'app.css') continue;
    add(`/app/${path}`, await readFile(file));
  }
  const css = await readFile(join(publicDir, 'app.css'));
  const cssPath = `/app/assets/app-${hashOf(css)}.css`;
  add(cssPath, css);
  const script = await bundle(join(sourceDir, 'main.tsx'), {});
  const scriptPath = `/app/assets/main-${hashOf(script)}.js`;
  add(scriptPath, script);
  const html = Buffer.from(indexHtml({ scriptPath, cssPath }));
  add('/app/index.html', html);
  files.set('/app/', files.get('/app/index.html') as AppFile);

  // The service worker caches the shell: the document, the bundle, the style, manifest, icons.
  const shell = [...files.keys()].filter((path) => path !== '/app/').sort();
  const buildId = hashOf(
    Buffer.concat(shell.map((path) => files.get(path)?.body ?? Buffer.alloc(0))),
  );
  const worker = await bundle(join(sourceDir, 'sw.ts'), {
    __SHELL_FILES__: JSON.stringify(shell),
    __BUILD_ID__: JSON.stringify(buildId),
  });
  add('/app/sw.js', worker);
  return files;
}

async function bundle(entryPoint: string, define: Record<string, string>): Promise<Buffer> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    target: ['es2022', 'safari16'],
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'silent',
    define,
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced nothing for ${entryPoint}`);
  return Buffer.from(output.contents);
}

function indexHtml(options: { scriptPath: string; cssPath: string }): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#0b2545">
<meta name="color-scheme" content="light">
<meta name="referrer" content="no-referrer">
<meta name="apple-mobile-web-app-capable" content="yes">
<meta name="mobile-web-app-capable" content="yes">
<meta name="apple-mobile-web-app-title" content="Sesame Verify">
<meta name="apple-mobile-web-app-status-bar-style" content="black">
<title>Sesame Verify</title>
<link rel="manifest" href="/app/manifest.webmanifest">
<link rel="icon" href="/app/icons/icon.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="/app/icons/apple-touch-icon-180.png">
<link rel="stylesheet" href="${options.cssPath}">
<script type="module" src="${options.scriptPath}"></script>
</head>
<body>
<div id="app"></div>
<noscript><p>Sesame Verify a besoin de JavaScript. / Sesame Verify needs JavaScript.</p></noscript>
</body>
</html>
`;
}

function hashOf(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 12);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Builds Sesame Verify in memory, once per process: esbuild bundles the PWA (Preact) and its
 * service worker; `public/` adds the manifest, the style sheet and the icons; index.html loads
 * the bundle from a file (CSP `script-src 'self'`: no inline script). Script and style names
 * carry a content hash, so they can be cached for a year; the rest is revalidated.
 *
 * With a cache directory (the server passes one under its data directory), the built files are
 * kept there with the SHA-256 of every source file esbuild read and of every file of `public/`,
 * of the `package.json` of every installed package it read from (its version stands for its
 * files: typebox alone brings 700 of them), of this builder and of esbuild's version. A later
 * start whose inputs are all unchanged reads the files back (a few milliseconds) instead of
 * bundling again (0.2–0.5 s of esbuild). Any changed, added or removed input, or a cached file
 * that does not match its hash, means a new build.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { build, version as esbuildVersion } from 'esbuild';

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

export interface BuildAppOptions {
  /** Where to keep the built files between starts; none: built in memory at every start. */
  cacheDir?: string | undefined;
}

let cached: Promise<AppBundle> | undefined;

/**
 * The built app, keyed by path (`/app/`, `/app/index.html`, `/app/sw.js`, `/app/assets/…`).
 * One build per process: the first call's options decide, later calls share its result.
 */
export function buildAuthenticatorApp(options: BuildAppOptions = {}): Promise<AppBundle> {
  cached ??= loadOrBuild(options.cacheDir).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function loadOrBuild(cacheDir: string | undefined): Promise<AppBundle> {
  if (cacheDir === undefined) return (await buildOnce()).files;
  const dir = join(cacheDir, 'sesame-verify');
  const reused = await readCache(dir);
  if (reused !== undefined) return reused;
  const built = await buildOnce();
  // A cache that cannot be written (read-only data directory) only costs the next start a build.
  await writeCache(dir, built).catch(() => undefined);
  return built.files;
}

interface Built {
  files: AppBundle;
  /** Path relative to the PWA's sources (as esbuild names them) → SHA-256, of every file read. */
  inputs: Map<string, string>;
}

async function buildOnce(): Promise<Built> {
  const files: AppBundle = new Map();
  const inputs = new Map<string, string>();
  const add = (path: string, body: Buffer) =>
    files.set(path, {
      contentType: contentTypes[extname(path)] ?? 'application/octet-stream',
      body,
    });

  for (const file of await listFiles(publicDir)) {
    const path = relative(publicDir, file).split(sep).join('/');
    const body = await readFile(file);
    inputs.set(relative(sourceDir, file), sha256(body));
    if (path !== 'app.css') add(`/app/${path}`, body);
  }
  const css = await readFile(join(publicDir, 'app.css'));
  const cssPath = `/app/assets/app-${hashOf(css)}.css`;
  add(cssPath, css);
  const script = await bundle(join(sourceDir, 'main.tsx'), {}, inputs);
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
  const worker = await bundle(
    join(sourceDir, 'sw.ts'),
    { __SHELL_FILES__: JSON.stringify(shell), __BUILD_ID__: JSON.stringify(buildId) },
    inputs,
  );
  add('/app/sw.js', worker);
  return { files, inputs };
}

/** One esbuild bundle; the files it read go into `inputs` with their hashes. */
async function bundle(
  entryPoint: string,
  define: Record<string, string>,
  inputs: Map<string, string>,
): Promise<Buffer> {
  const result = await build({
    entryPoints: [entryPoint],
    absWorkingDir: sourceDir,
    metafile: true,
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
  // `<define:…>` inputs are esbuild's own, made from `define` (itself made from the other files).
  const read = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('<'));
  for (const input of new Set(read.map(inputKey))) inputs.set(input, await hashInput(input));
  return Buffer.from(output.contents);
}

/** A file of an installed package is known by its package's `package.json`, others by themselves. */
function inputKey(input: string): string {
  const inPackage = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return inPackage?.[1] === undefined ? input : join(inPackage[1], 'package.json');
}

async function hashInput(input: string): Promise<string> {
  return sha256(await readFile(join(sourceDir, input)));
}

/** What a cached build was made from, and the files it made (stored by their SHA-256). */
interface CacheManifest {
  key: string;
  inputs: Record<string, string>;
  publicFiles: string[];
  files: Array<{ path: string; contentType: string; sha256: string }>;
}

const manifestName = 'manifest.json';

/** This builder's source and esbuild's version: a new one of either means a new build. */
async function builderKey(): Promise<string> {
  return sha256(Buffer.from(`${esbuildVersion}\n${await readFile(import.meta.filename, 'utf8')}`));
}

async function readCache(dir: string): Promise<AppBundle | undefined> {
  let manifest: CacheManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, manifestName), 'utf8')) as CacheManifest;
  } catch {
    return undefined; // No cache yet, or an unreadable one: build.
  }
  if (manifest.key !== (await builderKey())) return undefined;
  // A file added to or removed from public/ changes the bundle without changing any input.
  if ((await publicFileNames()).join('\n') !== manifest.publicFiles.join('\n')) return undefined;
  const current = await Promise.all(
    Object.keys(manifest.inputs).map((input) => hashInput(input).catch(() => undefined)),
  );
  if (Object.values(manifest.inputs).some((hash, i) => current[i] !== hash)) return undefined;
  const files: AppBundle = new Map();
  for (const entry of manifest.files) {
    const body = await readFile(join(dir, entry.sha256)).catch(() => undefined);
    if (body === undefined || sha256(body) !== entry.sha256) return undefined;
    files.set(entry.path, { contentType: entry.contentType, body });
  }
  const document = files.get('/app/index.html');
  if (document === undefined) return undefined;
  files.set('/app/', document);
  return files;
}

async function writeCache(dir: string, built: Built): Promise<void> {
  await mkdir(dir, { recursive: true });
  const entries: CacheManifest['files'] = [];
  for (const [path, file] of built.files) {
    if (path === '/app/') continue;
    const hash = sha256(file.body);
    await writeFile(join(dir, hash), file.body);
    entries.push({ path, contentType: file.contentType, sha256: hash });
  }
  const manifest: CacheManifest = {
    key: await builderKey(),
    inputs: Object.fromEntries(built.inputs),
    publicFiles: await publicFileNames(),
    files: entries,
  };
  // Written aside then renamed: a start never reads half a manifest.
  const temporary = join(dir, `${manifestName}.${process.pid}.tmp`);
  await writeFile(temporary, JSON.stringify(manifest));
  await rename(temporary, join(dir, manifestName));
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
  return sha256(content).slice(0, 12);
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

async function publicFileNames(): Promise<string[]> {
  return (await listFiles(publicDir)).map((file) => relative(sourceDir, file));
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

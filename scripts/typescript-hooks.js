/**
 * `node --import ./scripts/typescript-hooks.js …`: runs Sesame's TypeScript without tsx (ADR 0006).
 * Our `.ts` files are stripped of their types as Node 24 strips them itself (`erasableSyntaxOnly`
 * keeps our code within what it strips, positions unchanged); the JSX of the `.tsx` pages is
 * compiled by esbuild (Preact's automatic runtime, as tsconfig.json says, with an inline source
 * map). Both are kept under node_modules/.cache/sesame-tsx/, named by the SHA-256 of the file's
 * path and source and of the compilers: a later start reads them back and loads neither Node's
 * type stripper (a WebAssembly module: ≈ 15 MiB of RSS and 40 ms at every start) nor esbuild.
 * Whoever can write node_modules can already change the code that runs. When the cache cannot be
 * written, files are compiled again at the next start.
 *
 * JavaScript, not TypeScript: a `.ts` file here would be stripped by Node itself, which loads the
 * type stripper this file exists to avoid.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, registerHooks, stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const cacheDir = join(import.meta.dirname, '..', 'node_modules', '.cache', 'sesame-tsx');
// esbuild's own package.json (lib/main.js is its entry): its version names the compiler.
const esbuildPackage = join(require.resolve('esbuild'), '..', '..', 'package.json');
const esbuildVersion = JSON.parse(readFileSync(esbuildPackage, 'utf8')).version;
const jsxOptions = {
  loader: 'tsx',
  format: 'esm',
  target: 'es2024',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: 'inline',
};
const compilers = `node ${process.version}\nesbuild ${esbuildVersion} ${JSON.stringify(jsxOptions)}\n`;

/**
 * The JavaScript of one `.ts` or `.tsx` file: from the cache, or compiled now (and cached).
 * @param {string} source
 * @param {string} path
 * @returns {string}
 */
export function compileTypeScript(source, path) {
  const name = createHash('sha256').update(compilers).update(`${path}\n`).update(source);
  const file = join(cacheDir, `${name.digest('hex')}.js`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // Not compiled yet: below.
  }
  const code = path.endsWith('.tsx') ? compileJsx(source, path) : stripTypes(source);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, file); // atomic: a parallel start reads a whole file or none
  } catch {
    // A read-only install: compiled again next time.
  }
  return code;
}

/** @param {string} source @param {string} path */
function compileJsx(source, path) {
  // Loaded only when a page is not cached.
  const esbuild = require('esbuild');
  return esbuild.transformSync(source, { ...jsxOptions, sourcefile: path }).code;
}

/** @param {string} source */
function stripTypes(source) {
  // What Node does to a .ts file it loads itself. Its API warns once that it is experimental,
  // which tells nothing to someone running `npm start`: that one warning is not emitted.
  const emitWarning = process.emitWarning;
  process.emitWarning = () => undefined;
  try {
    return stripTypeScriptTypes(source, { mode: 'strip' });
  } finally {
    process.emitWarning = emitWarning;
  }
}

registerHooks({
  load(url, context, nextLoad) {
    const ours = url.startsWith('file:') && /\.tsx?$/.test(url) && !url.includes('/node_modules/');
    if (!ours) return nextLoad(url, context);
    const path = fileURLToPath(url);
    const source = compileTypeScript(readFileSync(path, 'utf8'), path);
    return { format: 'module', source, shortCircuit: true };
  },
});

/**
 * Sesame Verify's bundle kept between starts (build-app.ts): a start reads back what an earlier
 * one built, and a cached file that does not match its recorded hash is built again. Each
 * "start" is a fresh import of the module (its build is once per process).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AppBundle } from './build-app.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'sesame-verify-cache-'));
const manifestFile = join(cacheDir, 'sesame-verify', 'manifest.json');

async function start(): Promise<AppBundle> {
  vi.resetModules();
  const { buildAuthenticatorApp } = await import('./build-app.ts');
  return buildAuthenticatorApp({ cacheDir });
}

interface Manifest {
  files: Array<{ path: string; sha256: string }>;
}

const bodies = (bundle: AppBundle) =>
  Object.fromEntries([...bundle].map(([path, file]) => [path, file.body.toString('base64')]));

describe('Sesame Verify bundle cache', () => {
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('reads back what an earlier start built, and rebuilds a file that fails its hash', async () => {
    const first = await start();
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    expect(manifest.files.map((file) => file.path)).toContain('/app/index.html');
    expect(first.get('/app/')).toBe(first.get('/app/index.html'));

    // The same inputs: the next start serves the very same files.
    expect(bodies(await start())).toEqual(bodies(first));

    // A cached file whose content no longer matches its hash is not served: a new build is.
    const sw = manifest.files.find((file) => file.path === '/app/sw.js');
    if (sw === undefined) throw new Error('no service worker in the cache');
    writeFileSync(join(cacheDir, 'sesame-verify', sw.sha256), 'tampered');
    const rebuilt = await start();
    expect(bodies(rebuilt)).toEqual(bodies(first));
    expect(readFileSync(join(cacheDir, 'sesame-verify', sw.sha256), 'utf8')).not.toBe('tampered');
  }, 60_000);

  it('serves from the cache when the manifest says so (the cache is really read)', async () => {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest & {
      files: Array<{ path: string; sha256: string; contentType: string }>;
    };
    // A consistent entry of another build: content and its hash changed together.
    const { createHash } = await import('node:crypto');
    const body = Buffer.from('/* another build */');
    const hash = createHash('sha256').update(body).digest('hex');
    writeFileSync(join(cacheDir, 'sesame-verify', hash), body);
    const entry = manifest.files.find((file) => file.path === '/app/sw.js');
    if (entry === undefined) throw new Error('no service worker in the cache');
    entry.sha256 = hash;
    writeFileSync(manifestFile, JSON.stringify(manifest));
    expect((await start()).get('/app/sw.js')?.body.toString()).toBe('/* another build */');
  }, 60_000);
});

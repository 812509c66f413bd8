/**
 * `npm start`, the browser tests and the bench run the server with the same node flags
 * (scripts/server-node-flags.ts, ADR 0006 and 0007), and the TypeScript hooks that replace tsx
 * load our `.ts` and `.tsx` files as a server start does, without a warning.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverNodeArgs, serverNodeFlags } from '../../../../scripts/server-node-flags.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');

describe('how node runs the server', () => {
  it('npm start passes the flags the browser tests and the bench pass', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    const args = serverNodeArgs('.').map((arg) => arg.replace(/^scripts/, './scripts'));
    expect(manifest.scripts.start).toBe(`node ${args.join(' ')} scripts/start.ts`);
    expect(args.slice(0, serverNodeFlags.length)).toEqual(serverNodeFlags);
  });

  it('the TypeScript hooks load a page (.tsx) and what it imports (.ts), silently', () => {
    const page = join(root, 'apps', 'identity', 'src', 'oidc', 'oidc-pages.tsx');
    const probe = `const m = await import(${JSON.stringify(page)}); console.log(typeof m.renderError);`;
    const run = () =>
      spawnSync(process.execPath, [...serverNodeArgs(root), '--input-type=module', '-e', probe], {
        cwd: root,
        encoding: 'utf8',
      });
    // The first run may compile and cache; the second reads the cache back.
    for (const result of [run(), run()]) {
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe('function');
    }
  });
});

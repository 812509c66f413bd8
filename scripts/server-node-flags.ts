/**
 * How node runs a Sesame server (ADR 0006, ADR 0007): the TypeScript hooks instead of tsx, and
 * the young generation capped at 8 MiB per semi-space (V8 reads that flag when it makes the heap,
 * so it cannot be set from inside the process). `npm start` (package.json) spells the same
 * flags; the browser tests and the bench start their servers with these;
 * apps/identity/src/ops/server-node-flags.test.ts checks that the two agree.
 */
import { join } from 'node:path';

export const serverNodeFlags = ['--max-semi-space-size=8'] as const;

/** The arguments before the entry file, for the repository at `root`. */
export function serverNodeArgs(root: string): string[] {
  return [...serverNodeFlags, '--import', join(root, 'scripts', 'typescript-hooks.js')];
}

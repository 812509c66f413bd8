/** `npx sesame-verify …`: the process around `runVerifyCli` (the only reader of the environment). */
import { hostname } from 'node:os';
import { createFileStore, defaultStatePath } from './file-store.ts';
import { runVerifyCli } from './run-verify-cli.ts';

process.exitCode = await runVerifyCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  fetch: globalThis.fetch,
  store: createFileStore(defaultStatePath(process.env)),
  now: Date.now,
  hostname: hostname().slice(0, 64) || 'CLI',
});

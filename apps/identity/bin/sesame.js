#!/usr/bin/env node
// `npx sesame …`: the admin command line. Runs the TypeScript sources through the repository's
// TypeScript hooks (scripts/typescript-hooks.js, ADR 0006), as `npm start` does.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `sesame: needs Node.js 24 or later (this is ${process.version}); run it with npx sesame\n`,
  );
  process.exit(1);
}
await import('../../../scripts/typescript-hooks.js');
await import('../src/cli/main.ts');

#!/usr/bin/env node
// Sesame Verify on the command line: the TypeScript sources run through tsx, no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

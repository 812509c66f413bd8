/**
 * Starts this run's Sesame (identity + portal, `scripts/start.ts`) on the e2e ports with a fresh
 * SQLite database, reads the demo account's password from its output, waits until both answer
 * /healthz, and hands the account to the tests. The function it returns is the global teardown.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { serverNodeArgs } from '../scripts/server-node-flags.ts';
import {
  identityUrl,
  portalUrl,
  rootDir,
  serverDir,
  serverEnvironment,
  shareDemoAccount,
} from './support/sesame-server.ts';

const startTimeoutMs = 60_000;
const stopTimeoutMs = 10_000;
const demoLine = /Sign in with the demo account:\s+username (\S+)\s+password (\S+)/;

export default async function globalSetup(): Promise<() => Promise<void>> {
  // Node 24 brings node:sqlite and the runtime the apps are written for (DESIGN.md, stack).
  if (Number(process.versions.node.split('.')[0]) < 24) {
    throw new Error(`Run the e2e tests on Node 24 (npm run test:e2e), not ${process.version}.`);
  }
  rmSync(serverDir, { recursive: true, force: true });
  mkdirSync(serverDir, { recursive: true });

  // As `npm start` runs it (scripts/server-node-flags.ts).
  const server = spawn(process.execPath, [...serverNodeArgs(rootDir), 'scripts/start.ts'], {
    cwd: rootDir,
    env: serverEnvironment(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(serverDir, 'server.log'));
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  try {
    shareDemoAccount(await demoAccountFromOutput(server));
    await waitForHealthy([`${identityUrl}/healthz`, `${portalUrl}/healthz`]);
  } catch (error) {
    await stopServer(server);
    throw error;
  }
  return async () => {
    await stopServer(server);
    log.end();
  };
}

/** Resolves with the account printed by the launcher; rejects if it exits or takes too long. */
function demoAccountFromOutput(
  server: ChildProcess,
): Promise<{ username: string; password: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      reject(new Error(`${reason}\n--- server output (${serverDir}server.log) ---\n${output}`));
    };
    const timer = setTimeout(
      () => fail(`Sesame did not print the demo account within ${startTimeoutMs} ms.`),
      startTimeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = demoLine.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        server.off('exit', onExit);
        resolve({ username: match[1], password: match[2] });
      } else if (output.includes('Sign in with an existing account')) {
        fail('Sesame started on a database that already has accounts: no demo password.');
      }
    };
    const onExit = (code: number | null, signal: string | null) =>
      fail(`Sesame exited before it was ready (code ${code}, signal ${signal}).`);
    server.stdout?.on('data', onData);
    server.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    server.once('exit', onExit);
  });
}

/** Polls each URL until it answers 200 (a condition, with a deadline: no fixed sleep). */
async function waitForHealthy(urls: string[]): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  for (const url of urls) {
    for (;;) {
      const ok = await fetch(url).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline)
        throw new Error(`${url} did not answer within ${startTimeoutMs} ms`);
      await delay(100);
    }
  }
}

/** SIGTERM (the launcher closes both servers gracefully), then SIGKILL if it hangs. */
async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), stopTimeoutMs);
  await exited;
  clearTimeout(timer);
}

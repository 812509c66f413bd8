/**
 * Fresh accounts for the tests that need one not yet enrolled: made with the admin CLI
 * (`sesame users create <username> --name "…" --password-stdin`) on the e2e server's own SQLite
 * file, as an administrator would. MFA is required organization-wide (the default), so a new
 * account goes to enrollment at its first sign-in: the guide's trigger « La création de votre
 * compte ».
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DemoAccount } from './sesame-server.ts';
import { rootDir, serverEnvironment } from './sesame-server.ts';

export type TestAccount = DemoAccount;

const cliTimeoutMs = 20_000;

/** Creates the account with the CLI and returns its credentials. */
export async function createAccount(username: string, name: string): Promise<TestAccount> {
  // Random, long, no word of the person's: passes the password policy (no composition rules).
  const password = `${randomBytes(12).toString('base64url')}-e2e`;
  const output = await runSesameCli(
    ['users', 'create', username, '--name', name, '--password-stdin'],
    `${password}\n`,
  );
  if (!output.includes(`Created account ${username}`)) {
    throw new Error(`sesame users create ${username}: unexpected output\n${output}`);
  }
  return { username, password, name };
}

/** Runs `node_modules/.bin/sesame …` on this run's Node 24, against the e2e server's data. */
export function runSesameCli(args: string[], stdin = ''): Promise<string> {
  const bin = join(rootDir, 'node_modules', '.bin', 'sesame');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: rootDir,
      env: serverEnvironment(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), cliTimeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else
        reject(
          new Error(`sesame ${args.join(' ')} failed (code ${code}, signal ${signal}):\n${stderr}`),
        );
    });
    child.stdin.end(stdin);
  });
}

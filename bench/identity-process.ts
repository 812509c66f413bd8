/**
 * The identity server as a child process: a temp data directory with bench accounts made
 * beforehand, `node --import tsx apps/identity/src/main.ts` spawned directly (so the child's pid
 * is the node process itself, not an npx/tsx wrapper), readiness, RSS and per-thread CPU.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccount } from '../apps/identity/src/accounts/create-account.ts';
import { generatePassword } from '../apps/identity/src/accounts/generate-password.ts';
import { createPasswordHasher } from '../apps/identity/src/accounts/password-hasher.ts';
import { createDb } from '../apps/identity/src/db/create-db.ts';
import { migrateToLatest } from '../apps/identity/src/db/migrate.ts';
import { setOrgMfaRequired } from '../apps/identity/src/policy/mfa-policy.ts';
import { freePort } from '../apps/identity/test/listen-test-app.ts';
import type { Credentials } from './http-sign-in.ts';
import { msPerClockTick, sleep } from './measure.ts';

export const repoRoot = join(import.meta.dirname, '..');
const nodeBin = join(repoRoot, 'node_modules', '.bin', 'node');
const readyTimeoutMs = 30_000;

export interface IdentitySetup {
  dataDir: string;
  databaseFile: string;
  accounts: Credentials[];
  env: Record<string, string>;
  origin: string;
}

/**
 * A fresh SQLite database holding `count` accounts (one per worker: no shared failure counter)
 * and the organization's MFA requirement turned off, in a new directory under `baseDir` (the OS temp directory unless told, e.g. /dev/shm).
 */
export async function prepareIdentity(
  count: number,
  clientSecret: string,
  baseDir = tmpdir(),
): Promise<IdentitySetup> {
  const dataDir = mkdtempSync(join(baseDir, 'sesame-bench-'));
  const databaseFile = join(dataDir, 'sesame.sqlite');
  const db = createDb({ kind: 'sqlite', file: databaseFile });
  const accounts: Credentials[] = [];
  try {
    await migrateToLatest(db);
    // Password-only sign-ins: the target compares them with argon2id alone (MFA is on by default).
    await setOrgMfaRequired(db, false);
    const deps = { db, hasher: createPasswordHasher(), now: Date.now };
    for (let i = 1; i <= count; i += 1) {
      const credentials = { username: `bench-${String(i).padStart(2, '0')}`, password: '' };
      credentials.password = generatePassword();
      const result = await createAccount(deps, credentials);
      if (!result.ok) throw new Error(`bench account not created: ${result.code}`);
      accounts.push(credentials);
    }
  } finally {
    await db.destroy();
  }
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const env = {
    SESAME_DATA_DIR: dataDir,
    SESAME_PORT: String(port),
    SESAME_PUBLIC_URL: origin,
    SESAME_SECRET_KEY: randomBytes(32).toString('base64'),
    DATABASE_URL: `sqlite:${databaseFile}`,
    REDIS_URL: '',
    LOG_LEVEL: 'warn',
    PORTAL_PUBLIC_URL: 'http://localhost:3001',
    PORTAL_CLIENT_SECRET: clientSecret,
  };
  return { dataDir, databaseFile, accounts, env, origin };
}

export interface IdentityProcess {
  pid: number;
  /** Spawn → first 200 from /readyz. */
  readyMs: number;
  /** The last lines the child wrote (warnings and errors, at LOG_LEVEL=warn). */
  output: string[];
  stop(): Promise<void>;
}

export async function launchIdentity(
  setup: IdentitySetup,
  nodeArgs: string[] = [],
): Promise<IdentityProcess> {
  const started = performance.now();
  const child = spawn(nodeBin, [...nodeArgs, '--import', 'tsx', 'apps/identity/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...setup.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 50));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitReady(setup.origin, child, output);
  return {
    pid: child.pid as number,
    readyMs: performance.now() - started,
    output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitReady(origin: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = performance.now() + readyTimeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`identity exited (${child.exitCode}): ${output.join('\n')}`);
    try {
      const response = await fetch(`${origin}/readyz`);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(5);
  }
  child.kill('SIGKILL');
  throw new Error(`identity not ready after ${readyTimeoutMs} ms: ${output.join('\n')}`);
}

/** A `/proc/<pid>/status` field in MiB: VmRSS now, VmHWM the peak since start. */
export function readMemoryMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  return Number(kib) / 1024;
}

export interface ThreadCpuMs {
  /** The JavaScript thread: HTTP, oidc-provider, rendering, SQLite (node:sqlite is synchronous). */
  main: number;
  /** libuv's pool: argon2 (@node-rs/argon2 runs there), crypto and fs work. */
  pool: number;
  /** Everything else: V8's GC and compiler threads, the inspector, … */
  other: number;
}

/** CPU time used so far by each kind of thread of a process, from /proc/<pid>/task/<tid>/stat. */
export function readThreadCpuMs(pid: number): ThreadCpuMs {
  const total: ThreadCpuMs = { main: 0, pool: 0, other: 0 };
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // The thread ended between the listing and the read.
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    // Fields after "pid (comm)": state is the 1st, utime the 12th and stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(fields[11]) + Number(fields[12])) * msPerClockTick;
    const kind = tid === String(pid) ? 'main' : name === 'libuv-worker' ? 'pool' : 'other';
    total[kind] += ms;
  }
  return total;
}

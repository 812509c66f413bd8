/**
 * The identity server as a child process: `node <serverNodeArgs> apps/identity/src/main.ts`
 * (scripts/server-node-flags.ts: as `npm start` runs it) spawned directly (so the child's pid is
 * the node process itself, not an npm wrapper), ready when
 * /readyz answers 200. The bench's probe (server-probe.ts) is loaded with it and answers over the
 * IPC channel: event-loop utilisation, memory after a full GC, heap snapshots.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serverNodeArgs } from '../scripts/server-node-flags.ts';
import type { IdentitySetup } from './identity-setup.ts';
import { sleep } from './measure.ts';
import { readThreadCpuMs } from './proc-stats.ts';
import type { EventLoopTotals, ProbeQuestion } from './server-probe.ts';
import type { SqlTally } from './sql-trace.ts';

export const repoRoot = join(import.meta.dirname, '..');
const probeModule = join(import.meta.dirname, 'server-probe.ts');
const readyTimeoutMs = 30_000;
const probeTimeoutMs = 60_000;

export interface ChildMemory extends NodeJS.MemoryUsage {
  /** V8's heap spaces in bytes: reserved (`size`), live objects (`used`), resident (`physical`). */
  spaces: Array<{ name: string; size: number; used: number; physical: number }>;
}

export interface IdentityProcess {
  pid: number;
  /** Spawn → first 200 from /readyz. */
  readyMs: number;
  /** CPU time the child used until then, all threads: steadier than `readyMs` on a busy machine. */
  readyCpuMs: number;
  /** The last lines the child wrote (warnings and errors, at LOG_LEVEL=warn). */
  output: string[];
  eventLoop(): Promise<EventLoopTotals>;
  /** `process.memoryUsage()` of the child and its V8 heap spaces, after two full GCs if `gc`. */
  memory(gc: boolean): Promise<ChildMemory>;
  heapSnapshot(file: string): Promise<string>;
  /** Sample the main thread (the inspector's profiler) until `stopProfile` writes it to `file`. */
  startProfile(intervalMicros?: number): Promise<void>;
  stopProfile(file: string): Promise<string>;
  /** Count the statements the child runs, per request (one request at a time), until `false`. */
  sqlTrace(on: true): Promise<unknown>;
  sqlTrace(on: false): Promise<SqlTally>;
  stop(): Promise<void>;
}

/** `root`: the repository whose server runs (another copy, to compare two trees: server-ab.ts). */
export async function launchIdentity(
  setup: IdentitySetup,
  nodeArgs: string[] = [],
  root = repoRoot,
): Promise<IdentityProcess> {
  const started = performance.now();
  // A tree from before ADR 0006 (server-ab.ts --a-root) still runs through tsx, as it shipped.
  const shipped = existsSync(join(root, 'scripts', 'typescript-hooks.js'))
    ? serverNodeArgs(root)
    : ['--import', 'tsx'];
  const args = [...shipped, ...nodeArgs, '--expose-gc', '--import', probeModule];
  const child = spawn(
    join(root, 'node_modules', '.bin', 'node'),
    [...args, 'apps/identity/src/main.ts'],
    {
      cwd: root,
      env: { ...process.env, ...setup.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 50));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitReady(setup.origin, child, output);
  const readyMs = performance.now() - started;
  const cpu = readThreadCpuMs(child.pid as number);
  const ask = askOver(child);
  return {
    pid: child.pid as number,
    readyMs,
    readyCpuMs: cpu.main + cpu.pool + cpu.other,
    output,
    eventLoop: () => ask({ type: 'event-loop' }) as Promise<EventLoopTotals>,
    memory: (gc) => ask({ type: 'memory', gc }) as Promise<ChildMemory>,
    heapSnapshot: (file) => ask({ type: 'heap-snapshot', file }) as Promise<string>,
    startProfile: async (intervalMicros = 1000) => {
      await ask({ type: 'profile-start', intervalMicros });
    },
    stopProfile: (file) => ask({ type: 'profile-stop', file }) as Promise<string>,
    sqlTrace: ((on: boolean) => ask({ type: 'sql-trace', on })) as IdentityProcess['sqlTrace'],
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Questions to the child's probe, matched to their answers by number. */
function askOver(child: ChildProcess) {
  let next = 0;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  child.on('message', (message: { probe?: number; answer?: unknown; error?: string }) => {
    const pending = message.probe === undefined ? undefined : waiting.get(message.probe);
    if (pending === undefined || message.probe === undefined) return;
    waiting.delete(message.probe);
    if (message.error === undefined) pending.resolve(message.answer);
    else pending.reject(new Error(`probe: ${message.error}`));
  });
  return (question: ProbeQuestion): Promise<unknown> =>
    new Promise((resolve, reject) => {
      next += 1;
      const probe = next;
      const timer = setTimeout(() => {
        waiting.delete(probe);
        reject(new Error(`probe: no answer to ${question.type}`));
      }, probeTimeoutMs);
      waiting.set(probe, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      child.send({ probe, question });
    });
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

/** What each part of `npm run bench` is given: the server, the client, the baseline, the knobs. */
import type { CompareOptions } from './compare.ts';
import type { IdentityProcess } from './identity-process.ts';
import type { OidcClient } from './oidc-client.ts';

export interface BenchOptions {
  /** Measured seconds per mode and concurrency, in `slices` windows, each after `rampSeconds`. */
  seconds: number;
  slices: number;
  rampSeconds: number;
  warmupSeconds: number;
  rounds: number;
  /** Where CPU profiles of the server go (`--cpu-prof`); none when undefined. */
  profileDir: string | undefined;
  /** Where heap snapshots of the server go (`--heap-snapshots`); none when undefined. */
  snapshotDir: string | undefined;
}

export interface BenchRun {
  identity: IdentityProcess;
  client: OidcClient;
  /** One raw argon2id verification in this process: the baseline. */
  verify: () => Promise<void>;
  options: BenchOptions;
}

/** What every comparison row of a run shares: its timing, the server, the baseline. */
export function sliceOptions(run: BenchRun) {
  return {
    seconds: run.options.seconds,
    slices: run.options.slices,
    rampSeconds: run.options.rampSeconds,
    pid: run.identity.pid,
    verify: run.verify,
    eventLoop: run.identity.eventLoop,
  } satisfies Partial<CompareOptions>;
}

/** Where a checkpoint's heap snapshot goes with `--heap-snapshots` (memoryCheckpoint's option). */
export function heapSnapshotFile(run: BenchRun, name: string): { heapSnapshot?: string } {
  const dir = run.options.snapshotDir;
  return dir === undefined ? {} : { heapSnapshot: `${dir}/${name}.heapsnapshot` };
}

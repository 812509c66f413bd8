/**
 * Closed-loop load: `concurrency` workers each run `task` back to back, so exactly that many
 * operations are in flight. After a ramp (not counted), only operations that finish inside the
 * window count; results of several windows (slices) are merged into one summary.
 */
import { readFileSync } from 'node:fs';

export interface Samples {
  seconds: number;
  /** Every operation that ended during the call, counted or not (ramp, drain): CPU per op. */
  finished: number;
  latenciesMs: number[];
  failures: Record<string, number>;
}

export interface RunResult {
  concurrency: number;
  seconds: number;
  completed: number;
  perSecond: number;
  /** Error message → count, for operations that failed inside the window. */
  failures: Record<string, number>;
  latencyMs: { p50: number; p95: number; max: number };
}

export async function runClosedLoop(
  options: { concurrency: number; seconds: number; rampSeconds?: number; maxFinished?: number },
  task: (worker: number) => Promise<void>,
): Promise<Samples> {
  const start = performance.now() + (options.rampSeconds ?? 0) * 1000;
  const end = start + options.seconds * 1000;
  const samples: Samples = { seconds: options.seconds, finished: 0, latenciesMs: [], failures: {} };
  const counted = () => {
    const now = performance.now();
    return now >= start && now <= end;
  };
  const more = () => samples.finished < (options.maxFinished ?? Number.POSITIVE_INFINITY);
  const worker = async (index: number) => {
    while (performance.now() < end && more()) {
      const began = performance.now();
      try {
        await task(index);
        samples.finished += 1;
        if (counted()) samples.latenciesMs.push(performance.now() - began);
      } catch (error) {
        samples.finished += 1;
        if (!counted()) continue;
        const message = error instanceof Error ? error.message : String(error);
        samples.failures[message] = (samples.failures[message] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => worker(i)));
  return samples;
}

export function summarize(concurrency: number, runs: readonly Samples[]): RunResult {
  const latencies = runs.flatMap((run) => run.latenciesMs);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const failures: Record<string, number> = {};
  for (const run of runs)
    for (const [message, n] of Object.entries(run.failures))
      failures[message] = (failures[message] ?? 0) + n;
  return {
    concurrency,
    seconds,
    completed: latencies.length,
    perSecond: latencies.length / seconds,
    failures,
    latencyMs: {
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      max: Math.max(0, ...latencies),
    },
  };
}

export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

export function countFailures(failures: Record<string, number>): number {
  return Object.values(failures).reduce((sum, n) => sum + n, 0);
}

/** Calls `read` every `intervalMs` until stopped; returns the largest value seen. */
export function sampleMax(read: () => number, intervalMs: number): { stop(): number } {
  let max = read();
  const timer = setInterval(() => {
    max = Math.max(max, read());
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(max, read());
    },
  };
}

/** CPU time (user + system) of this process, in milliseconds, all threads included. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) in /proc. */
export const msPerClockTick = 10;

/** The whole machine's CPU time so far, from /proc/stat: busy and total (all cores). */
export function machineCpuMs(): { busy: number; total: number } {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const total = fields.reduce((sum, n) => sum + n, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
  return { busy: (total - idle) * msPerClockTick, total: total * msPerClockTick };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

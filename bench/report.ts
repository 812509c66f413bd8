/** The machine a run happened on, and the Markdown tables printed (and pasted in README.md). */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, release, totalmem } from 'node:os';
import type { RunResult } from './measure.ts';
import { countFailures } from './measure.ts';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  os: string;
  loadAverage1m: number;
}

export function describeMachine(): Machine {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const osRelease = readFileSync('/etc/os-release', 'utf8');
  return {
    cpus: availableParallelism(),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${/^PRETTY_NAME="?([^"\n]+)"?$/m.exec(osRelease)?.[1] ?? 'Linux'}, kernel ${release()}`,
    loadAverage1m: loadavg()[0] ?? 0,
  };
}

/** CPU milliseconds spent per successful sign-in, by who spent them. */
export interface CpuPerSignIn {
  serverMain: number;
  serverPool: number;
  serverOther: number;
  client: number;
}

export interface Row {
  round: number;
  concurrency: number;
  /** `othersCpuShare`: the part of the machine's CPU other processes used meanwhile (noise). */
  baseline: RunResult & { cpuMsPerVerify: number; othersCpuShare: number };
  http: RunResult & {
    cpuMsPerSignIn: CpuPerSignIn;
    othersCpuShare: number;
    peakRssMiB: number;
    /** The server's event-loop utilisation during the HTTP slices (perf_hooks), NaN if unread. */
    mainThreadUtilization: number;
  };
  /** HTTP sign-ins/s ÷ argon2id verifications/s: the verdict. */
  ratio: number;
  /** argon2id CPU per verification ÷ all CPU per sign-in (server and bench client): the ratio a
   * CPU-bound machine would show, much less sensitive to other processes than `ratio`. */
  cpuRatio: number;
  /** The same, counting only the server's CPU (a client on another machine). */
  serverCpuRatio: number;
}

export function throughputTable(rows: readonly Row[]): string {
  const lines = [
    "| round | in flight | argon2id verify/s | HTTP sign-ins/s | ratio | failures | sign-in p50 / p95 ms | other processes' CPU (baseline / HTTP) | peak RSS MiB |",
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { round, concurrency, baseline, http, ratio } of rows) {
    const failures = countFailures(baseline.failures) + countFailures(http.failures);
    lines.push(
      `| ${round} | ${concurrency} | ${fixed(baseline.perSecond, 1)} | ${fixed(http.perSecond, 1)} | ` +
        `**${fixed(ratio, 2)}** | ${failures} | ${fixed(http.latencyMs.p50, 0)} / ` +
        `${fixed(http.latencyMs.p95, 0)} | ${percent(baseline.othersCpuShare)} / ` +
        `${percent(http.othersCpuShare)} | ${fixed(http.peakRssMiB, 0)} |`,
    );
  }
  return lines.join('\n');
}

export function cpuTable(rows: readonly Row[]): string {
  const lines = [
    '| round | in flight | argon2id CPU ms/verify (baseline) | server main thread | server libuv pool (argon2) | server other threads | bench client | total CPU ms/sign-in | CPU ratio (all / server only) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { round, concurrency, baseline, http, cpuRatio, serverCpuRatio } of rows) {
    const cpu = http.cpuMsPerSignIn;
    lines.push(
      `| ${round} | ${concurrency} | ${fixed(baseline.cpuMsPerVerify, 1)} | ${fixed(cpu.serverMain, 1)} | ` +
        `${fixed(cpu.serverPool, 1)} | ${fixed(cpu.serverOther, 1)} | ${fixed(cpu.client, 1)} | ` +
        `${fixed(totalCpu(cpu), 1)} | ${fixed(cpuRatio, 2)} / ${fixed(serverCpuRatio, 2)} |`,
    );
  }
  return lines.join('\n');
}

export function stepTable(
  steps: ReadonlyMap<string, { p50: number; count: number }>,
  what = 'sign-in',
): string {
  const lines = [`| request (one ${what} in flight) | p50 ms |`, '| --- | ---: |'];
  let total = 0;
  for (const [step, { p50 }] of steps) {
    lines.push(`| ${step} | ${fixed(p50, 2)} |`);
    total += p50;
  }
  lines.push(`| **sum of medians** | **${fixed(total, 1)}** |`);
  return lines.join('\n');
}

export function totalCpu(cpu: CpuPerSignIn): number {
  return cpu.serverMain + cpu.serverPool + cpu.serverOther + cpu.client;
}

export function percent(share: number): string {
  return `${fixed(100 * share, 0)} %`;
}

export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

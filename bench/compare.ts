/**
 * One row of the comparison: at one concurrency, argon2id alone and HTTP sign-ins in alternating
 * slices (so both see the same noise from other processes), with the CPU each one cost, by whom.
 */
import {
  countFailures,
  machineCpuMs,
  ownCpuMs,
  runClosedLoop,
  type Samples,
  sampleMax,
  summarize,
} from './measure.ts';
import { readMemoryMiB, readThreadCpuMs } from './proc-stats.ts';
import { fixed, type Row, totalCpu } from './report.ts';
import type { EventLoopTotals } from './server-probe.ts';

type Task = (worker: number) => Promise<void>;

export interface CompareOptions {
  round: number;
  concurrency: number;
  /** Measured seconds per mode, split into `slices` windows, each after `rampSeconds`. */
  seconds: number;
  slices: number;
  rampSeconds: number;
  /** The identity child process. */
  pid: number;
  verify: Task;
  signIn: Task;
  /** What the sign-ins are called in the progress line (`HTTP`, `MFA`). */
  label?: string;
  /** The child's event-loop totals (server-probe.ts), read around each HTTP slice. */
  eventLoop?: () => Promise<EventLoopTotals>;
}

/** CPU ms: this process, the identity child by kind of thread, the whole machine (busy, all). */
type Usage = Record<'own' | 'main' | 'pool' | 'other' | 'machineBusy' | 'machineTotal', number>;

interface Mode {
  runs: Samples[];
  usage: Usage;
}

export async function compareAt(options: CompareOptions): Promise<Row> {
  const load = {
    concurrency: options.concurrency,
    seconds: options.seconds / options.slices,
    rampSeconds: options.rampSeconds,
  };
  const baseline = newMode();
  const http = newMode();
  let peakRssMiB = 0;
  const loop = { idle: 0, active: 0 };
  const slice = async (mode: Mode, task: Task) => {
    const before = readUsage(options.pid);
    mode.runs.push(await runClosedLoop(load, task));
    const after = readUsage(options.pid);
    for (const key of Object.keys(after) as Array<keyof Usage>)
      mode.usage[key] += after[key] - before[key];
  };
  for (let i = 0; i < options.slices; i += 1) {
    await slice(baseline, options.verify);
    const rss = sampleMax(() => readMemoryMiB(options.pid, 'VmRSS'), 100);
    const loopBefore = await options.eventLoop?.();
    await slice(http, options.signIn);
    const loopAfter = await options.eventLoop?.();
    if (loopBefore && loopAfter) {
      loop.idle += loopAfter.idle - loopBefore.idle;
      loop.active += loopAfter.active - loopBefore.active;
    }
    peakRssMiB = Math.max(peakRssMiB, rss.stop());
  }
  const utilization = loop.active + loop.idle > 0 ? loop.active / (loop.active + loop.idle) : NaN;
  const row = toRow(options, baseline, http, peakRssMiB, utilization);
  console.log(
    `round ${row.round}, ${row.concurrency} in flight: argon2id ${fixed(row.baseline.perSecond, 1)}/s, ` +
      `${options.label ?? 'HTTP'} ${fixed(row.http.perSecond, 1)}/s, ratio ${fixed(row.ratio, 2)} ` +
      `(CPU ratio ${fixed(row.cpuRatio, 2)}), failures ` +
      `${countFailures(row.baseline.failures) + countFailures(row.http.failures)}`,
  );
  return row;
}

function toRow(
  options: CompareOptions,
  baseline: Mode,
  http: Mode,
  peakRssMiB: number,
  mainThreadUtilization: number,
): Row {
  const perVerify = perOperation(baseline);
  const perSignIn = perOperation(http);
  // The bench process does only argon2id during the baseline, only the HTTP client otherwise.
  const cpuMsPerVerify = perVerify(baseline.usage.own);
  const cpuMsPerSignIn = {
    serverMain: perSignIn(http.usage.main),
    serverPool: perSignIn(http.usage.pool),
    serverOther: perSignIn(http.usage.other),
    client: perSignIn(http.usage.own),
  };
  const baselineRun = summarize(options.concurrency, baseline.runs);
  const httpRun = summarize(options.concurrency, http.runs);
  return {
    round: options.round,
    concurrency: options.concurrency,
    baseline: { ...baselineRun, cpuMsPerVerify, othersCpuShare: othersCpuShare(baseline.usage) },
    http: {
      ...httpRun,
      cpuMsPerSignIn,
      othersCpuShare: othersCpuShare(http.usage),
      peakRssMiB,
      mainThreadUtilization,
    },
    ratio: httpRun.perSecond / baselineRun.perSecond,
    cpuRatio: cpuMsPerVerify / totalCpu(cpuMsPerSignIn),
    serverCpuRatio: cpuMsPerVerify / (totalCpu(cpuMsPerSignIn) - cpuMsPerSignIn.client),
  };
}

function newMode(): Mode {
  const usage = { own: 0, main: 0, pool: 0, other: 0, machineBusy: 0, machineTotal: 0 };
  return { runs: [], usage };
}

function readUsage(pid: number): Usage {
  const machine = machineCpuMs();
  const own = ownCpuMs();
  return { own, ...readThreadCpuMs(pid), machineBusy: machine.busy, machineTotal: machine.total };
}

/** CPU ms per operation: every operation that ended in the slices, ramp and drain included. */
function perOperation(mode: Mode): (ms: number) => number {
  const finished = mode.runs.reduce((sum, run) => sum + run.finished, 0);
  return (ms) => ms / finished;
}

/** The part of the machine's CPU that other processes used meanwhile: the noise. */
function othersCpuShare(u: Usage): number {
  return Math.max(0, u.machineBusy - u.own - u.main - u.pool - u.other) / u.machineTotal;
}

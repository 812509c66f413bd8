/**
 * Where the identity process's JavaScript thread spends its time, from a `--cpu-prof` profile:
 * self and inclusive time grouped by package (or by file for Sesame's own code), and the busiest
 * functions. Inclusive time counts a sample once per group on its stack, so a package's
 * inclusive time is what would go if nothing it called ran either.
 * `npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [operations] [unit] [main CPU ms]`
 * prints the tables.
 */
import { readFileSync } from 'node:fs';
import { fixed } from './report.ts';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

export interface Entry {
  name: string;
  selfMs: number;
  totalMs: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  byPackage: Entry[];
  byFile: Entry[];
  byFunction: Entry[];
}

/** The frames V8 adds that stand for no code of anyone's: not counted as busy. */
const notBusy = new Set(['(idle)']);

export function summarizeCpuProfile(file: string, top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const groups = { package: new Tally(), file: new Tally(), function: new Tally() };
  let idleMs = 0;
  let busyMs = 0;
  profile.samples.forEach((id, i) => {
    // A sample's duration is the gap to the next sample.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(id)?.callFrame;
    if (leaf === undefined) return;
    if (notBusy.has(leaf.functionName)) {
      idleMs += ms;
      return;
    }
    busyMs += ms;
    const stack: CallFrame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame !== undefined && frame.functionName !== '(root)') stack.push(frame);
    }
    groups.package.add(stack.map(packageOf), ms);
    groups.file.add(stack.map(fileOf), ms);
    groups.function.add(stack.map(functionOf), ms);
  });
  return {
    busyMs,
    idleMs,
    byPackage: groups.package.ranked(top),
    byFile: groups.file.ranked(top),
    byFunction: groups.function.ranked(top),
  };
}

/** Self time goes to the leaf's group; inclusive time once to every group on the stack. */
class Tally {
  private readonly self = new Map<string, number>();
  private readonly total = new Map<string, number>();
  add(stackLeafFirst: string[], ms: number) {
    const [leaf] = stackLeafFirst;
    if (leaf === undefined) return;
    this.self.set(leaf, (this.self.get(leaf) ?? 0) + ms);
    for (const name of new Set(stackLeafFirst))
      this.total.set(name, (this.total.get(name) ?? 0) + ms);
  }
  ranked(top: number): Entry[] {
    const entries = [...this.total].map(([name, totalMs]) => ({
      name,
      selfMs: this.self.get(name) ?? 0,
      totalMs,
    }));
    const bySelf = [...entries].sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
    const byTotal = [...entries].sort((a, b) => b.totalMs - a.totalMs).slice(0, top);
    return [...new Map([...bySelf, ...byTotal].map((entry) => [entry.name, entry])).values()].sort(
      (a, b) => b.selfMs - a.selfMs,
    );
  }
}

export function packageOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (modules?.[1]) return modules[1];
  if (url.startsWith('node:')) return 'node: built-in modules';
  const app = /\/(apps\/[^/]+|packages\/[^/]+|bench)\//.exec(url);
  if (app?.[1]) return `sesame ${app[1]}`;
  return url;
}

function fileOf(frame: CallFrame): string {
  if (frame.url === '') return packageOf(frame);
  return shortUrl(frame.url);
}

function functionOf(frame: CallFrame): string {
  if (frame.url === '') return frame.functionName || '(anonymous)';
  return `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const src = /\/(apps|packages|bench)\//.exec(url);
  return src ? url.slice(src.index + 1) : url;
}

/**
 * Markdown: busy time, then self and inclusive time per package, file and function. The profiler
 * samples wall time, so on a busy machine a sample also covers time the thread was descheduled;
 * with `mainCpuMs` (the main thread's CPU time over the profile, from /proc) the shares are turned
 * into CPU milliseconds per operation, which is what the targets are about.
 */
export function profileTables(
  summary: ProfileSummary,
  operations: number,
  options: { unit?: string; mainCpuMs?: number } = {},
): string {
  const unit = options.unit ?? 'sign-in';
  const scale = (options.mainCpuMs ?? summary.busyMs) / summary.busyMs;
  const per = (ms: number) => fixed((ms * scale) / operations, 2);
  const share = (ms: number) => `${fixed((100 * ms) / summary.busyMs, 1)} %`;
  const msLabel = options.mainCpuMs === undefined ? 'ms' : 'CPU ms';
  const table = (title: string, entries: Entry[]) => [
    `| ${title} | self | inclusive | self ${msLabel} / ${unit} | inclusive ${msLabel} / ${unit} |`,
    '| --- | ---: | ---: | ---: | ---: |',
    ...entries.map(
      (e) =>
        `| ${title === 'function' ? `\`${e.name}\`` : e.name} | ${share(e.selfMs)} | ` +
        `${share(e.totalMs)} | ${per(e.selfMs)} | ${per(e.totalMs)} |`,
    ),
    '',
  ];
  const cpu =
    options.mainCpuMs === undefined
      ? ''
      : `; its CPU time over the same period ${fixed(options.mainCpuMs / operations, 2)} ms per ${unit} (the ms below)`;
  return [
    `Main thread busy ${fixed(summary.busyMs / 1000, 1)} s, idle ${fixed(summary.idleMs / 1000, 1)} s; ` +
      `${operations} ${unit}s profiled → ${fixed(summary.busyMs / operations, 2)} ms of busy samples per ${unit}${cpu}.`,
    '',
    ...table('package', summary.byPackage),
    ...table('file', summary.byFile),
    ...table('function', summary.byFunction),
  ].join('\n');
}

if (import.meta.main) {
  const [file, operations = '1', unit = 'sign-in', mainCpuMs] = process.argv.slice(2);
  if (file === undefined)
    throw new Error(
      'usage: cpu-profile-summary.ts <file> [operations] [unit] [main-thread CPU ms]',
    );
  const options = { unit, ...(mainCpuMs === undefined ? {} : { mainCpuMs: Number(mainCpuMs) }) };
  console.log(profileTables(summarizeCpuProfile(file), Number(operations), options));
}

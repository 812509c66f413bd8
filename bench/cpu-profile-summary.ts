/**
 * Where the identity process's JavaScript thread spends its time, from a `--cpu-prof` profile:
 * self time grouped by package (or Sesame's own code), and the busiest functions.
 */
import { readFileSync } from 'node:fs';
import { fixed } from './report.ts';

interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }>;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  byPackage: Array<{ name: string; ms: number }>;
  byFunction: Array<{ name: string; ms: number }>;
}

export function summarizeCpuProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  let idleMs = 0;
  let busyMs = 0;
  profile.samples.forEach((id, i) => {
    // A sample's duration is the gap to the next sample.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const frame = frames.get(id);
    if (frame === undefined) return;
    if (frame.functionName === '(idle)') {
      idleMs += ms;
      return;
    }
    busyMs += ms;
    const where = packageOf(frame.url, frame.functionName);
    packages.set(where, (packages.get(where) ?? 0) + ms);
    const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  });
  const ranked = (map: Map<string, number>) =>
    [...map]
      .map(([name, ms]) => ({ name, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top);
  return { busyMs, idleMs, byPackage: ranked(packages), byFunction: ranked(functions) };
}

function packageOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (modules?.[1]) return modules[1];
  if (url.startsWith('node:')) return 'node: built-in modules';
  if (url.includes('/apps/identity/src/')) return 'sesame (apps/identity/src)';
  return url;
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const src = url.indexOf('/apps/');
  return src >= 0 ? url.slice(src + 1) : url;
}

export function profileTables(summary: ProfileSummary, signIns: number): string {
  const per = (ms: number) => fixed(ms / signIns, 2);
  const share = (ms: number) => `${fixed((100 * ms) / summary.busyMs, 1)} %`;
  const lines = [
    `Main thread busy ${fixed(summary.busyMs / 1000, 1)} s, idle ${fixed(summary.idleMs / 1000, 1)} s; ` +
      `${signIns} sign-ins profiled → ${per(summary.busyMs)} ms of main thread per sign-in.`,
    '',
    '| self time in | share of busy | ms per sign-in |',
    '| --- | ---: | ---: |',
    ...summary.byPackage.map((p) => `| ${p.name} | ${share(p.ms)} | ${per(p.ms)} |`),
    '',
    '| function | share of busy |',
    '| --- | ---: |',
    ...summary.byFunction.map((f) => `| \`${f.name}\` | ${share(f.ms)} |`),
  ];
  return lines.join('\n');
}

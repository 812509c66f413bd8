/** What Linux says of a process: its memory (`/proc/<pid>/status`) and CPU time by thread. */
import { readdirSync, readFileSync } from 'node:fs';
import { msPerClockTick } from './measure.ts';

/** A `/proc/<pid>/status` field in MiB: VmRSS now, VmHWM the peak since start. */
export function readMemoryMiB(
  pid: number,
  field: 'VmRSS' | 'VmHWM' | 'RssAnon' | 'RssFile',
): number {
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

/**
 * Part of the bench's probe (server-probe.ts), in the identity child: while on, every statement
 * node:sqlite runs is counted under the HTTP request being served and under its SQL text, with
 * the commits it causes (an explicit COMMIT, or a write outside a transaction, which SQLite
 * commits by itself). Requests are told apart by diagnostics_channel, so the counts are right
 * only with one request in flight at a time, which is how the bench uses it.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { StatementSync } from 'node:sqlite';

export interface SqlTally {
  /** `GET /interaction/:uid` → statements and commits while it was served. */
  byRequest: Array<{
    request: string;
    statements: number;
    commits: number;
    requests: number;
    /** The main thread's CPU from the request's start to its response's end (with the trace's own). */
    cpuMicros: number;
  }>;
  /** SQL text (as Kysely compiled it) → how many times it ran. */
  /** …and how long `node:sqlite` took to run it, in all (µs of wall time, one request at a time). */
  bySql: Array<{ sql: string; count: number; micros: number }>;
  /** Each request's start and end on the monotonic clock in µs (a CPU profile's clock). */
  windows: Array<{ request: string; start: number; end: number }>;
  /** The statements of the last request of each kind, in order (what one request runs). */
  sequences: Record<string, string[]>;
}

type Method = 'run' | 'all' | 'get' | 'iterate';
const methods: Method[] = ['run', 'all', 'get', 'iterate'];
const original = new Map<Method, (...args: unknown[]) => unknown>();
const requests = new Map<
  string,
  { statements: number; commits: number; requests: number; cpuMicros: number }
>();
const sqls = new Map<string, number>();
const sqlMicros = new Map<string, number>();
let current = '(outside a request)';
let inTransaction = false;
let startedCpu = 0;
let startedAt = 0;
const windows: SqlTally['windows'] = [];
const sequences: SqlTally['sequences'] = {};
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

const threadCpuMicros = () => {
  const { user, system } = process.threadCpuUsage();
  return user + system;
};

const onRequest = (message: unknown) => {
  const { request } = message as { request: IncomingMessage };
  const path = (request.url ?? '').split('?')[0] ?? '';
  current = `${request.method} ${path.replace(/^(\/interaction|\/oidc\/auth)\/[^/]+/, '$1/:uid')}`;
  requestEntry().requests += 1;
  startedCpu = threadCpuMicros();
  startedAt = monotonicMicros();
  sequences[current] = [];
};
const onFinish = () => {
  requestEntry().cpuMicros += threadCpuMicros() - startedCpu;
  windows.push({ request: current, start: startedAt, end: monotonicMicros() });
  current = '(outside a request)';
};

function requestEntry() {
  let entry = requests.get(current);
  if (entry === undefined) {
    entry = { statements: 0, commits: 0, requests: 0, cpuMicros: 0 };
    requests.set(current, entry);
  }
  return entry;
}

function record(sql: string) {
  sequences[current]?.push(sql);
  const entry = requestEntry();
  entry.statements += 1;
  sqls.set(sql, (sqls.get(sql) ?? 0) + 1);
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? '';
  if (verb === 'begin' || verb === 'savepoint') inTransaction = true;
  else if (verb === 'commit' || verb === 'rollback' || verb === 'release') {
    if (verb === 'commit') entry.commits += 1;
    inTransaction = false;
  } else if (!inTransaction && ['insert', 'update', 'delete', 'replace'].includes(verb))
    entry.commits += 1;
}

export function startSqlTrace(): void {
  if (original.size > 0) return;
  requests.clear();
  sqls.clear();
  sqlMicros.clear();
  windows.length = 0;
  for (const request of Object.keys(sequences)) delete sequences[request];
  for (const method of methods) {
    const run = StatementSync.prototype[method] as (...args: unknown[]) => unknown;
    original.set(method, run);
    StatementSync.prototype[method] = function (this: StatementSync, ...args: unknown[]) {
      record(this.sourceSQL);
      const started = process.hrtime.bigint();
      try {
        return run.apply(this, args);
      } finally {
        const micros = Number(process.hrtime.bigint() - started) / 1000;
        sqlMicros.set(this.sourceSQL, (sqlMicros.get(this.sourceSQL) ?? 0) + micros);
      }
    } as never;
  }
  subscribe('http.server.request.start', onRequest);
  subscribe('http.server.response.finish', onFinish);
}

export function stopSqlTrace(): SqlTally {
  for (const [method, run] of original) StatementSync.prototype[method] = run as never;
  original.clear();
  unsubscribe('http.server.request.start', onRequest);
  unsubscribe('http.server.response.finish', onFinish);
  return {
    byRequest: [...requests].map(([request, counts]) => ({ request, ...counts })),
    bySql: [...sqls]
      .map(([sql, count]) => ({ sql, count, micros: sqlMicros.get(sql) ?? 0 }))
      .sort((a, b) => b.count - a.count),
    windows: [...windows],
    sequences: { ...sequences },
  };
}

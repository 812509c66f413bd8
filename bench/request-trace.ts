/**
 * Where one MFA sign-in's main-thread time goes, request by request: `--sign-ins` sign-ins one
 * after the other (nothing else in flight), with the child's SQL trace on (sql-trace.ts). Prints
 * the main thread's CPU per request, every statement by the time `node:sqlite` took to run it,
 * and the statements of each kind of request in order. With `--profile`, the inspector samples
 * the main thread meanwhile (every `--interval` µs) and each request's busiest functions are
 * printed from the samples inside its windows (self time; the profiler's own cost included).
 * Not in `npm run bench`: a tool for finding what to cut, not a measurement to compare runs by.
 *
 *   npx tsx bench/request-trace.ts [--sign-ins 150] [--profile] [--interval 50] [--top 25]
 *                                  [--root <another copy of the repository, to trace its server>]
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { enrollAccounts } from './enroll-accounts.ts';
import { mfaSignInOverHttp } from './http-mfa-sign-in.ts';
import { launchIdentity, repoRoot } from './identity-process.ts';
import { prepareIdentity } from './identity-setup.ts';
import { fixed } from './report.ts';
import type { SqlTally } from './sql-trace.ts';
import { TotpAccountPool } from './totp-account-pool.ts';

const { values } = parseArgs({
  options: {
    'sign-ins': { type: 'string', default: '150' },
    profile: { type: 'boolean', default: false },
    interval: { type: 'string', default: '50' },
    top: { type: 'string', default: '25' },
    root: { type: 'string', default: repoRoot },
  },
});
const signIns = Number(values['sign-ins']);
const top = Number(values.top);

const clientSecret = randomBytes(32).toString('base64url');
const setup = await prepareIdentity(
  { passwordAccounts: 0, mfaAccounts: signIns + 20 },
  clientSecret,
);
const client = {
  origin: setup.origin,
  clientId: 'espace-client',
  clientSecret,
  redirectUri: `${setup.env.PORTAL_PUBLIC_URL}/callback`,
};
const identity = await launchIdentity(setup, [], values.root);
const profileFile = join(tmpdir(), `sesame-request-trace-${process.pid}.cpuprofile`);
let tally: SqlTally;
try {
  const run = { identity, client, options: {} as never, verify: async () => {} };
  const { enrolled } = await enrollAccounts(run, setup.mfaAccounts, 8);
  const pool = new TotpAccountPool(enrolled);
  await pool.untilFreshStep();
  const signIn = async () => {
    const lease = await pool.take();
    try {
      await mfaSignInOverHttp(client, lease.account, lease.code);
    } finally {
      lease.release();
    }
  };
  // Warm: every route compiled, every statement prepared.
  for (let i = 0; i < 20; i += 1) await signIn();
  if (values.profile) await identity.startProfile(Number(values.interval));
  await identity.sqlTrace(true);
  for (let i = 0; i < signIns; i += 1) await signIn();
  tally = await identity.sqlTrace(false);
  if (values.profile) await identity.stopProfile(profileFile);
} finally {
  await identity.stop();
}

const requests = tally.byRequest.filter((r) => r.requests > 0 && !r.request.startsWith('('));
const perSignIn = (n: number) => n / signIns;
console.log('| request | main-thread CPU µs | statements | commits |');
console.log('| --- | ---: | ---: | ---: |');
for (const r of requests)
  console.log(
    `| ${r.request} | ${fixed(r.cpuMicros / r.requests, 0)} | ${fixed(r.statements / r.requests, 1)} | ${fixed(r.commits / r.requests, 1)} |`,
  );
const cpu = requests.reduce((sum, r) => sum + r.cpuMicros, 0);
console.log(`| **whole sign-in** | **${fixed(perSignIn(cpu), 0)}** | | |\n`);

console.log('| statement (by time) | per sign-in | µs per sign-in | µs each |');
console.log('| --- | ---: | ---: | ---: |');
for (const s of [...tally.bySql].sort((a, b) => b.micros - a.micros).slice(0, top))
  console.log(
    `| \`${s.sql.replace(/\s+/g, ' ').slice(0, 100)}\` | ${fixed(perSignIn(s.count), 1)} | ${fixed(perSignIn(s.micros), 0)} | ${fixed(s.micros / s.count, 0)} |`,
  );
const sqlMicros = tally.bySql.reduce((sum, s) => sum + s.micros, 0);
console.log(`\nnode:sqlite ran statements for ${fixed(perSignIn(sqlMicros), 0)} µs per sign-in\n`);

for (const [request, statements] of Object.entries(tally.sequences)) {
  if (request.startsWith('(')) continue;
  console.log(`${request}:`);
  for (const sql of statements) console.log(`  ${sql.replace(/\s+/g, ' ').slice(0, 120)}`);
}

if (values.profile) for (const r of requests) printBusiest(r.request, r.requests);

/** The functions the samples inside this kind of request's windows were in (self time). */
function printBusiest(request: string, count: number) {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as {
    nodes: Array<{
      id: number;
      callFrame: { functionName: string; url: string; lineNumber: number };
    }>;
    samples: number[];
    timeDeltas: number[];
    startTime: number;
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const windows = tally.windows
    .filter((w) => w.request === request)
    .sort((a, b) => a.start - b.start);
  const self = new Map<string, number>();
  let at = profile.startTime;
  let next = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    while (next < windows.length && (windows[next]?.end ?? 0) < at) next += 1;
    const window = windows[next];
    const frame = byId.get(id);
    if (window === undefined || at < window.start || frame === undefined) return;
    if (frame.functionName === '(idle)') return;
    const where = frame.url.replace(/.*\/node_modules\//, '').replace(/.*\/apps\//, 'apps/');
    const key = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  console.log(`\n${request}: busiest functions, µs of samples per request`);
  for (const [key, micros] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${fixed(micros / count, 0).padStart(6)}  ${key}`);
}

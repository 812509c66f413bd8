/**
 * `npx tsx bench/server-ab.ts --b-flags="--max-semi-space-size=16"`: two identity servers that
 * differ in the flags given to node or in their source tree (`--b-root`: a copy of the repository
 * with a change, its node_modules linked), measured in the same run on the same machine —
 * start-up, then MFA sign-ins in alternating slices (A, B, B, A, …), then idle memory. Each server
 * has its own database and accounts, enrolled through the pages first. Not in `npm run bench`.
 * Options: --a-flags="<flags>" --b-flags="<flags>" (with `=`, as the value starts with --)
 *          --a-env "NAME=value …" --b-env "…" (more environment for that server)
 *          --a-root <dir> --b-root <dir> (default: this repository) --slices 6 --seconds 5
 *          --concurrency 8 --mfa-accounts 900 --starts 3
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { BenchRun } from './bench-run.ts';
import { enrollAccounts } from './enroll-accounts.ts';
import { mfaSignInOverHttp } from './http-mfa-sign-in.ts';
import { type IdentityProcess, launchIdentity, repoRoot } from './identity-process.ts';
import { type IdentitySetup, prepareIdentity } from './identity-setup.ts';
import { percentile, runClosedLoop } from './measure.ts';
import { type MemoryCheckpoint, memoryCheckpoint } from './memory-checkpoint.ts';
import { readThreadCpuMs } from './proc-stats.ts';
import { describeMachine, fixed, percent } from './report.ts';
import { TotpAccountPool } from './totp-account-pool.ts';

const { values } = parseArgs({
  options: {
    'a-flags': { type: 'string', default: '' },
    'b-flags': { type: 'string', default: '' },
    'a-env': { type: 'string', default: '' },
    'b-env': { type: 'string', default: '' },
    'a-root': { type: 'string', default: repoRoot },
    'b-root': { type: 'string', default: repoRoot },
    slices: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '8' },
    'mfa-accounts': { type: 'string', default: '900' },
    starts: { type: 'string', default: '3' },
  },
});
const concurrency = Number(values.concurrency);

interface Variant {
  name: 'A' | 'B';
  flags: string[];
  env: string;
  root: string;
  setup: IdentitySetup;
  readyMs: number[];
  identity?: IdentityProcess;
  pool?: TotpAccountPool;
  totals: {
    signIns: number;
    seconds: number;
    cpuMs: number;
    mainMs: number;
    active: number;
    idle: number;
  };
  memory?: MemoryCheckpoint;
}

const machine = describeMachine();
console.log(
  `${machine.cpus} CPUs, Node ${machine.node}, load average ${fixed(machine.loadAverage1m, 2)}`,
);
const clientSecret = randomBytes(32).toString('base64url');
const variants: Variant[] = [];
for (const [name, flags, root, env] of [
  ['A', values['a-flags'], values['a-root'], values['a-env']],
  ['B', values['b-flags'], values['b-root'], values['b-env']],
] as const) {
  const counts = { passwordAccounts: 0, mfaAccounts: Number(values['mfa-accounts']) };
  const setup = await prepareIdentity(counts, clientSecret);
  for (const pair of env.split(' ').filter(Boolean)) {
    const at = pair.indexOf('=');
    setup.env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  variants.push({
    name,
    flags: flags.split(' ').filter(Boolean),
    env,
    root,
    setup,
    readyMs: [],
    totals: { signIns: 0, seconds: 0, cpuMs: 0, mainMs: 0, active: 0, idle: 0 },
  });
}

try {
  // Start-up, alternating; the last start of each stays up.
  for (let i = 0; i < Number(values.starts); i += 1)
    for (const v of variants) {
      await v.identity?.stop();
      v.identity = await launchIdentity(v.setup, v.flags, v.root);
      v.readyMs.push(v.identity.readyMs);
    }
  for (const v of variants) {
    const run = { client: clientOf(v.setup) } as BenchRun;
    v.pool = new TotpAccountPool(
      (await enrollAccounts(run, v.setup.mfaAccounts, concurrency)).enrolled,
    );
  }
  for (const v of variants) await v.pool?.untilFreshStep();
  for (let slice = 0; slice < Number(values.slices); slice += 1) {
    const order = slice % 2 === 0 ? variants : [...variants].reverse();
    for (const v of order) await measureSlice(v);
  }
  for (const v of variants)
    if (v.identity) v.memory = await memoryCheckpoint(v.identity, `${v.name} after the load`);
} finally {
  for (const v of variants) {
    await v.identity?.stop();
    rmSync(v.setup.dataDir, { recursive: true, force: true });
  }
}

console.log(
  [
    '',
    '| server | source tree, node flags | ready ms (median) | MFA sign-ins/s | server CPU ms / sign-in | main thread | main-thread utilisation | idle RSS MiB after the load | heap used after GC | new space | anonymous outside V8 heap | waiting for TOTP steps |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...variants.map((v) => {
      const t = v.totals;
      return (
        `| ${v.name} | ${v.root === repoRoot ? 'this one' : v.root}, ${v.flags.join(' ') || 'no flags'}${v.env ? `, ${v.env}` : ''} | ${fixed(percentile(v.readyMs, 0.5), 0)} | ` +
        `${fixed(t.signIns / t.seconds, 1)} | ${fixed(t.cpuMs / t.signIns, 1)} | ` +
        `${fixed(t.mainMs / t.signIns, 1)} | ${percent(t.active / (t.active + t.idle))} | ` +
        `${fixed(v.memory?.rssMiB ?? Number.NaN, 0)} | ${fixed(v.memory?.gc.heapUsedMiB ?? Number.NaN, 1)} | ` +
        `${fixed(v.memory?.gc.newSpaceMiB ?? Number.NaN, 0)} | ${fixed(v.memory?.gc.outsideHeapMiB ?? Number.NaN, 0)} | ` +
        `${percent((v.pool?.waitedMs ?? 0) / (concurrency * t.seconds * 1000))} |`
      );
    }),
  ].join('\n'),
);

async function measureSlice(v: Variant) {
  const { identity, pool } = v;
  if (identity === undefined || pool === undefined) return;
  const client = clientOf(v.setup);
  const before = { cpu: readThreadCpuMs(identity.pid), loop: await identity.eventLoop() };
  const run = await runClosedLoop({ concurrency, seconds: Number(values.seconds) }, async () => {
    const lease = await pool.take();
    try {
      await mfaSignInOverHttp(client, lease.account, lease.code);
    } finally {
      lease.release();
    }
  });
  const after = { cpu: readThreadCpuMs(identity.pid), loop: await identity.eventLoop() };
  const failures = Object.values(run.failures).reduce((sum, n) => sum + n, 0);
  if (failures > 0) console.log(`${v.name}: failures`, run.failures);
  const t = v.totals;
  t.signIns += run.finished;
  t.seconds += run.seconds;
  t.cpuMs += sum(after.cpu) - sum(before.cpu);
  t.mainMs += after.cpu.main - before.cpu.main;
  t.active += after.loop.active - before.loop.active;
  t.idle += after.loop.idle - before.loop.idle;
}

function sum(cpu: { main: number; pool: number; other: number }) {
  return cpu.main + cpu.pool + cpu.other;
}

function clientOf(setup: IdentitySetup) {
  return {
    origin: setup.origin,
    clientId: 'espace-client',
    clientSecret,
    redirectUri: `${setup.env.PORTAL_PUBLIC_URL}/callback`,
  };
}

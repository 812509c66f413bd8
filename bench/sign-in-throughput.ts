/**
 * `npm run bench`: password sign-in throughput against raw argon2id, in the same run (DESIGN.md:
 * "at least 90 % of what raw argon2id verification alone reaches on the same machine").
 *
 * For each concurrency, in alternating slices: (1) argon2id verifications/s in this process with
 * Sesame's hasher and DEFAULT_ARGON2_PARAMS; (2) complete sign-ins/s through HTTP against an
 * identity child process. Also: start-up time to /readyz, RSS idle and under load, CPU per
 * sign-in by thread, and how much CPU other processes took meanwhile (the machine is shared).
 * Options: --seconds 10 (per mode and concurrency) --slices 2 --ramp 1 --warmup 3
 *          --concurrency 4,8,16 --rounds 1 --starts 3 --data-dir <base dir, e.g. /dev/shm>
 *          --cpu-prof (profile the child's main thread) --shared-account (one account for all)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generatePassword } from '../apps/identity/src/accounts/generate-password.ts';
import {
  createPasswordHasher,
  DEFAULT_ARGON2_PARAMS,
} from '../apps/identity/src/accounts/password-hasher.ts';
import { compareAt } from './compare.ts';
import { profileTables, summarizeCpuProfile } from './cpu-profile-summary.ts';
import { type StepTimes, signInOverHttp } from './http-sign-in.ts';
import {
  type IdentityProcess,
  launchIdentity,
  prepareIdentity,
  readMemoryMiB,
  repoRoot,
} from './identity-process.ts';
import { countFailures, percentile, runClosedLoop, sleep } from './measure.ts';
import {
  cpuTable,
  describeMachine,
  fixed,
  type Row,
  stepTable,
  throughputTable,
} from './report.ts';

const targetRatio = 0.9;
const warmupConcurrency = 4;
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    slices: { type: 'string', default: '2' },
    ramp: { type: 'string', default: '1' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '4,8,16' },
    rounds: { type: 'string', default: '1' },
    starts: { type: 'string', default: '3' },
    'data-dir': { type: 'string', default: tmpdir() },
    'cpu-prof': { type: 'boolean', default: false },
    'shared-account': { type: 'boolean', default: false },
  },
});
const options = {
  seconds: Number(values.seconds),
  slices: Math.max(1, Number(values.slices)),
  rampSeconds: Number(values.ramp),
  warmupSeconds: Number(values.warmup),
  levels: values.concurrency.split(',').map(Number),
  rounds: Number(values.rounds),
  starts: Math.max(1, Number(values.starts)),
  dataDir: values['data-dir'],
  sharedAccount: values['shared-account'],
  profiled: values['cpu-prof'],
};
const profileDir = options.profiled ? mkdtempSync(join(tmpdir(), 'sesame-prof-')) : undefined;

const machine = describeMachine();
console.log(
  `${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
    `${machine.os}; load average ${fixed(machine.loadAverage1m, 2)}`,
);

const clientSecret = randomBytes(32).toString('base64url');
const accountCount = options.sharedAccount ? 1 : Math.max(...options.levels, warmupConcurrency);
const setup = await prepareIdentity(accountCount, clientSecret, options.dataDir);
const client = {
  origin: setup.origin,
  clientId: 'espace-client',
  clientSecret,
  redirectUri: `${setup.env.PORTAL_PUBLIC_URL}/callback`,
};

// Start-up: spawn → /readyz 200, several times; the last process stays up for the load.
const readyMs: number[] = [];
let identity: IdentityProcess | undefined;
for (let i = 0; i < options.starts; i += 1) {
  await identity?.stop();
  const last = i === options.starts - 1;
  const nodeArgs = profileDir && last ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  identity = await launchIdentity(setup, nodeArgs);
  readyMs.push(identity.readyMs);
}
if (identity === undefined) throw new Error('identity not started');
const { pid } = identity;
await sleep(1000);
const idleRssMiB = readMemoryMiB(pid, 'VmRSS');
console.log(
  `start-up to /readyz: ${readyMs.map((ms) => fixed(ms, 0)).join(', ')} ms; ` +
    `idle RSS ${fixed(idleRssMiB, 1)} MiB (pid ${pid})`,
);

const hasher = createPasswordHasher(DEFAULT_ARGON2_PARAMS);
const baselinePassword = generatePassword();
const baselineHash = await hasher.hash(baselinePassword);
const verifyOnce = async () => {
  if (!(await hasher.verify(baselineHash, baselinePassword)))
    throw new Error('argon2id: verification failed');
};
let signInsDone = 0;
const signIn = (steps?: StepTimes) => async (worker: number) => {
  const account = setup.accounts[options.sharedAccount ? 0 : worker];
  if (account === undefined) throw new Error(`no account for worker ${worker}`);
  await signInOverHttp(client, account, steps);
  signInsDone += 1;
};

const rows: Row[] = [];
let stepMedians = new Map<string, { p50: number; count: number }>();
let peakHwmMiB = Number.NaN;
let afterLoadRssMiB = Number.NaN;
try {
  await warmUp();
  stepMedians = await measureSteps();
  console.log(`\n${stepTable(stepMedians)}\n`);
  for (let round = 1; round <= options.rounds; round += 1)
    for (const concurrency of options.levels) {
      const load = { round, concurrency, seconds: options.seconds, slices: options.slices };
      const tasks = { pid, verify: verifyOnce, signIn: signIn() };
      rows.push(await compareAt({ ...load, rampSeconds: options.rampSeconds, ...tasks }));
    }
  peakHwmMiB = readMemoryMiB(pid, 'VmHWM');
  await sleep(2000);
  afterLoadRssMiB = readMemoryMiB(pid, 'VmRSS');
} finally {
  await identity.stop();
  rmSync(setup.dataDir, { recursive: true, force: true });
}

const minRatio = Math.min(...rows.map((row) => row.ratio));
const peakRssMiB = Math.max(...rows.map((row) => row.http.peakRssMiB));
console.log(`\n${throughputTable(rows)}\n\n${cpuTable(rows)}\n`);
console.log(
  `memory: idle ${fixed(idleRssMiB, 1)} MiB, peak under load ${fixed(peakRssMiB, 1)} MiB ` +
    `(VmHWM ${fixed(peakHwmMiB, 1)} MiB), 2 s after the load ${fixed(afterLoadRssMiB, 1)} MiB; ` +
    `start-up median ${fixed(percentile(readyMs, 0.5), 0)} ms`,
);
console.log(
  `verdict: lowest ratio ${fixed(minRatio, 2)} ${minRatio >= targetRatio ? '≥' : '<'} ${targetRatio}` +
    ` → target ${minRatio >= targetRatio ? 'met' : 'NOT met'}`,
);
const profile = profileDir ? summarizeProfile(profileDir) : undefined;
if (reportFailures(rows) > 0) {
  console.log(`the identity process's last lines:\n${identity.output.join('\n')}`);
  process.exitCode = 1;
}
writeResults();

async function warmUp() {
  await runClosedLoop({ concurrency: 2, seconds: options.warmupSeconds }, verifyOnce);
  const warmup = { concurrency: warmupConcurrency, seconds: options.warmupSeconds };
  const run = await runClosedLoop(warmup, signIn());
  if (run.latenciesMs.length === 0)
    throw new Error(`no sign-in works: ${JSON.stringify(run.failures)}`);
  if (countFailures(run.failures) > 0) console.log('warm-up failures:', run.failures);
}

/** Prints every failure, by concurrency and mode; returns how many there were. */
function reportFailures(measured: readonly Row[]): number {
  let total = 0;
  for (const row of measured) {
    const modes = { argon2id: row.baseline.failures, HTTP: row.http.failures };
    for (const [mode, failures] of Object.entries(modes))
      for (const [message, n] of Object.entries(failures)) {
        console.log(`failure: ${row.concurrency} in flight, ${mode}: ${n} × ${message}`);
        total += n;
      }
  }
  return total;
}

/** One sign-in at a time: what each request of the flow takes, without queueing. */
async function measureSteps() {
  const steps: StepTimes = new Map();
  await runClosedLoop({ concurrency: 1, seconds: Math.min(5, options.seconds) }, signIn(steps));
  return new Map(
    [...steps].map(([step, ms]) => [step, { p50: percentile(ms, 0.5), count: ms.length }]),
  );
}

function summarizeProfile(dir: string) {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (file === undefined) return undefined;
  const summary = summarizeCpuProfile(join(dir, file));
  console.log(`\nprofile ${join(dir, file)}\n${profileTables(summary, signInsDone)}`);
  return { file: join(dir, file), signIns: signInsDone, ...summary };
}

function writeResults() {
  const date = new Date().toISOString().slice(0, 10);
  const mode = [
    options.sharedAccount ? '-shared-account' : '',
    options.profiled ? '-cpu-prof' : '',
    options.dataDir === tmpdir() ? '' : '-data-dir',
  ].join('');
  const dir = join(repoRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `sign-in-throughput-${date}${mode}.json`);
  const results = {
    date: new Date().toISOString(),
    machine,
    options,
    argon2Params: DEFAULT_ARGON2_PARAMS,
    startup: { readyMs },
    memory: { idleRssMiB, peakRssMiB, peakHwmMiB, afterLoadRssMiB },
    stepsOneInFlight: Object.fromEntries(stepMedians),
    rows,
    verdict: { targetRatio, minRatio, met: minRatio >= targetRatio },
    ...(profile ? { profile } : {}),
  };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`results: ${file}`);
}

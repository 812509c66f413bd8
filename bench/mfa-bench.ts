/**
 * The MFA part of `npm run bench` (DESIGN.md: "at most 5 ms of CPU per complete MFA sign-in …
 * beyond the password hash itself"): enroll every MFA account through the real pages, then
 * complete MFA sign-ins (password → 6-digit code → code → token) against raw argon2id in
 * alternating slices, with the server's CPU, its event-loop utilisation and its memory.
 */
import { type BenchRun, sliceOptions } from './bench-run.ts';
import { compareAt } from './compare.ts';
import { countStatements, type StatementCounts, statementTables } from './count-statements.ts';
import { enrollOverHttp } from './http-enrollment.ts';
import { mfaSignInOverHttp } from './http-mfa-sign-in.ts';
import { countFailures, runClosedLoop } from './measure.ts';
import { measureSteps, type StepMedians } from './measure-steps.ts';
import { type MemoryCheckpoint, memoryCheckpoint } from './memory-checkpoint.ts';
import type { Credentials } from './password-step.ts';
import { profileServer, type ServerProfile } from './profile-server.ts';
import { fixed, type Row, stepTable } from './report.ts';
import { type EnrolledAccount, TotpAccountPool } from './totp-account-pool.ts';

/** Sign-ins run one at a time with the SQL trace on, for the statement counts. */
const tracedSignIns = 20;

export interface MfaResults {
  enrollment: {
    accounts: number;
    seconds: number;
    perSecond: number;
    failures: Record<string, number>;
  };
  steps: StepMedians;
  statements: StatementCounts;
  rows: Array<Row & { totpWaitShare: number }>;
  memory: MemoryCheckpoint[];
  profile: ServerProfile | undefined;
  signIns: number;
}

export async function runMfaBench(
  run: BenchRun,
  accounts: readonly Credentials[],
  concurrency: number,
): Promise<MfaResults> {
  const { identity, client, options } = run;
  const enrollment = await enrollAll(run, accounts, concurrency);
  console.log(
    `enrolled ${enrollment.enrolled.length} accounts through the pages in ` +
      `${fixed(enrollment.seconds, 1)} s (${concurrency} in flight)`,
  );
  const memory = [
    await memoryCheckpoint(identity, `after ${enrollment.enrolled.length} enrollments`, {
      ...snapshot(run, 'after-enrollments'),
    }),
  ];
  const pool = new TotpAccountPool(enrollment.enrolled);
  let signIns = 0;
  const signIn = async (steps?: Parameters<typeof mfaSignInOverHttp>[3]) => {
    const lease = await pool.take();
    try {
      await mfaSignInOverHttp(client, lease.account, lease.code, steps);
      signIns += 1;
    } finally {
      lease.release();
    }
  };
  const warmup = await runClosedLoop({ concurrency, seconds: options.warmupSeconds }, () =>
    signIn(),
  );
  if (warmup.latenciesMs.length === 0)
    throw new Error(`no MFA sign-in works: ${JSON.stringify(warmup.failures)}`);
  if (countFailures(warmup.failures) > 0) console.log('MFA warm-up failures:', warmup.failures);
  const steps = await measureSteps(Math.min(5, options.seconds), (times) => signIn(times));
  console.log(`\n${stepTable(steps, 'MFA sign-in')}\n`);
  const statements = await countStatements(identity, tracedSignIns, () => signIn());
  console.log(`${statementTables(statements)}\n`);
  const { result: rows, profile } = await profileServer(
    identity,
    options.profileDir,
    'mfa-sign-ins',
    () => measureRows(run, concurrency, signIn, pool),
    () => signIns,
  );
  memory.push(
    await memoryCheckpoint(identity, `after ${signIns} MFA sign-ins`, {
      ...snapshot(run, 'after-mfa-sign-ins'),
    }),
  );
  const { enrolled: _, ...enrollmentFigures } = enrollment;
  return { enrollment: enrollmentFigures, steps, statements, rows, memory, profile, signIns };
}

async function measureRows(
  run: BenchRun,
  concurrency: number,
  signIn: () => Promise<void>,
  pool: TotpAccountPool,
) {
  const rows: MfaResults['rows'] = [];
  for (let round = 1; round <= run.options.rounds; round += 1) {
    const waitedBefore = pool.waitedMs;
    const row = await compareAt({
      ...sliceOptions(run),
      round,
      concurrency,
      signIn: () => signIn(),
      label: 'MFA',
    });
    // The share of the workers' time in the MFA slices (ramps included) spent waiting for a step.
    const workerMs =
      concurrency * (run.options.seconds + run.options.slices * run.options.rampSeconds) * 1000;
    rows.push({ ...row, totpWaitShare: (pool.waitedMs - waitedBefore) / workerMs });
  }
  return rows;
}

/** Every account's first sign-in, through enrollment; the ones that fail are left out. */
async function enrollAll(run: BenchRun, accounts: readonly Credentials[], concurrency: number) {
  const started = performance.now();
  const queue = [...accounts];
  const enrolled: EnrolledAccount[] = [];
  const failures: Record<string, number> = {};
  const worker = async () => {
    for (let account = queue.shift(); account !== undefined; account = queue.shift()) {
      try {
        enrolled.push(await enrollOverHttp(run.client, account));
      } catch (error) {
        const message = `enrollment: ${error instanceof Error ? error.message : String(error)}`;
        failures[message] = (failures[message] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (enrolled.length === 0) throw new Error(`no enrollment works: ${JSON.stringify(failures)}`);
  const seconds = (performance.now() - started) / 1000;
  return {
    enrolled,
    accounts: enrolled.length,
    seconds,
    perSecond: enrolled.length / seconds,
    failures,
  };
}

function snapshot(run: BenchRun, name: string): { heapSnapshot?: string } {
  const dir = run.options.snapshotDir;
  return dir === undefined ? {} : { heapSnapshot: `${dir}/${name}.heapsnapshot` };
}

/**
 * The MFA part of `npm run bench` (DESIGN.md: "at most 5 ms of CPU per complete MFA sign-in …
 * beyond the password hash itself"): with accounts enrolled beforehand (enroll-accounts.ts),
 * complete MFA sign-ins (password → 6-digit code → code → token) against raw argon2id in
 * alternating slices, with the server's CPU, its event-loop utilisation and its memory.
 */
import { type BenchRun, heapSnapshotFile, sliceOptions } from './bench-run.ts';
import { compareAt } from './compare.ts';
import { countStatements, type StatementCounts, statementTables } from './count-statements.ts';
import { mfaSignInOverHttp } from './http-mfa-sign-in.ts';
import { countFailures, runClosedLoop } from './measure.ts';
import { measureSteps, type StepMedians } from './measure-steps.ts';
import { type MemoryCheckpoint, memoryCheckpoint } from './memory-checkpoint.ts';
import { profileServer, type ServerProfile } from './profile-server.ts';
import { type Row, stepTable } from './report.ts';
import { type EnrolledAccount, TotpAccountPool } from './totp-account-pool.ts';

/** Sign-ins run one at a time with the SQL trace on, for the statement counts. */
const tracedSignIns = 20;

export interface MfaResults {
  steps: StepMedians;
  statements: StatementCounts;
  rows: Array<Row & { totpWaitShare: number }>;
  memory: MemoryCheckpoint;
  profile: ServerProfile | undefined;
  signIns: number;
}

export async function runMfaBench(
  run: BenchRun,
  enrolled: readonly EnrolledAccount[],
  concurrency: number,
): Promise<MfaResults> {
  const { identity, client, options } = run;
  const pool = new TotpAccountPool(enrolled);
  await pool.untilFreshStep();
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
  const memory = await memoryCheckpoint(identity, `after ${signIns} MFA sign-ins`, {
    ...heapSnapshotFile(run, 'after-mfa-sign-ins'),
  });
  return { steps, statements, rows, memory, profile, signIns };
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

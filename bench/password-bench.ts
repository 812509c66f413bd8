/**
 * The password part of `npm run bench` (ADR 0003): complete password-only sign-ins against raw
 * argon2id, in alternating slices, at each concurrency; one account per worker unless
 * `sharedAccount` (then all workers sign in as the first one).
 */
import { type BenchRun, sliceOptions } from './bench-run.ts';
import { compareAt } from './compare.ts';
import { countStatements, type StatementCounts, statementTables } from './count-statements.ts';
import { signInOverHttp } from './http-sign-in.ts';
import { countFailures, runClosedLoop } from './measure.ts';
import { measureSteps, type StepMedians } from './measure-steps.ts';
import type { Credentials } from './password-step.ts';
import { profileServer, type ServerProfile } from './profile-server.ts';
import { type Row, stepTable } from './report.ts';

export interface PasswordResults {
  steps: StepMedians;
  statements: StatementCounts;
  rows: Row[];
  profile: ServerProfile | undefined;
  signIns: number;
}

export async function runPasswordBench(
  run: BenchRun,
  accounts: readonly Credentials[],
  options: { levels: readonly number[]; sharedAccount: boolean },
): Promise<PasswordResults> {
  let signIns = 0;
  const signIn =
    (steps?: Parameters<typeof signInOverHttp>[2]) =>
    async (worker: number): Promise<void> => {
      const account = accounts[options.sharedAccount ? 0 : worker];
      if (account === undefined) throw new Error(`no account for worker ${worker}`);
      await signInOverHttp(run.client, account, steps);
      signIns += 1;
    };
  const warmup = await runClosedLoop(
    { concurrency: 4, seconds: run.options.warmupSeconds },
    signIn(),
  );
  if (warmup.latenciesMs.length === 0)
    throw new Error(`no sign-in works: ${JSON.stringify(warmup.failures)}`);
  if (countFailures(warmup.failures) > 0) console.log('warm-up failures:', warmup.failures);
  const steps = await measureSteps(Math.min(5, run.options.seconds), (times) => signIn(times)(0));
  console.log(`\n${stepTable(steps)}\n`);
  const statements = await countStatements(run.identity, 10, () => signIn()(0));
  console.log(`${statementTables(statements)}\n`);
  const { result: rows, profile } = await profileServer(
    run.identity,
    run.options.profileDir,
    'password-sign-ins',
    async () => {
      const measured: Row[] = [];
      for (let round = 1; round <= run.options.rounds; round += 1)
        for (const concurrency of options.levels)
          measured.push(
            await compareAt({ ...sliceOptions(run), round, concurrency, signIn: signIn() }),
          );
      return measured;
    },
    () => signIns,
  );
  return { steps, statements, rows, profile, signIns };
}

/**
 * Every MFA account's first sign-in, through enrollment of another authenticator app over the
 * real pages (http-enrollment.ts), `concurrency` at a time; the ones that fail are left out and
 * counted. The bench does this before the password part, so that by the MFA part every account
 * has TOTP steps left to use (totp-account-pool.ts).
 */
import type { BenchRun } from './bench-run.ts';
import { enrollOverHttp } from './http-enrollment.ts';
import type { Credentials } from './password-step.ts';
import { fixed } from './report.ts';
import type { EnrolledAccount } from './totp-account-pool.ts';

export interface Enrollment {
  enrolled: EnrolledAccount[];
  seconds: number;
  perSecond: number;
  failures: Record<string, number>;
}

export async function enrollAccounts(
  run: BenchRun,
  accounts: readonly Credentials[],
  concurrency: number,
): Promise<Enrollment> {
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
  console.log(
    `enrolled ${enrolled.length} accounts through the pages in ${fixed(seconds, 1)} s ` +
      `(${concurrency} in flight)`,
  );
  return { enrolled, seconds, perSecond: enrolled.length / seconds, failures };
}

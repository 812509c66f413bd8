/**
 * How many SQL statements and commits one sign-in costs, request by request: `signIns` sign-ins
 * one after the other with the child's SQL trace on (sql-trace.ts), divided by their number.
 */
import type { IdentityProcess } from './identity-process.ts';
import { fixed } from './report.ts';
import type { SqlTally } from './sql-trace.ts';

export interface StatementCounts extends SqlTally {
  signIns: number;
}

export async function countStatements(
  identity: IdentityProcess,
  signIns: number,
  signIn: () => Promise<void>,
): Promise<StatementCounts> {
  await identity.sqlTrace(true);
  const done = (async () => {
    for (let i = 0; i < signIns; i += 1) await signIn();
  })();
  // The trace is turned off whatever happened, before a failure is passed on.
  const outcome = await done.then(
    () => undefined,
    (error: unknown) => error,
  );
  const tally = await identity.sqlTrace(false);
  if (outcome !== undefined) throw outcome;
  return { signIns, ...tally };
}

/** Per request of the flow, then the most frequent statements, all per sign-in. */
export function statementTables(counts: StatementCounts, topStatements = 12): string {
  const per = (n: number) => fixed(n / counts.signIns, 1);
  const total = counts.byRequest.reduce(
    (sum, r) => ({
      statements: sum.statements + r.statements,
      commits: sum.commits + r.commits,
      cpuMicros: sum.cpuMicros + r.cpuMicros,
    }),
    { statements: 0, commits: 0, cpuMicros: 0 },
  );
  const ms = (micros: number) => fixed(micros / 1000 / counts.signIns, 2);
  return [
    '| request | statements / sign-in | commits / sign-in | main-thread CPU ms / sign-in |',
    '| --- | ---: | ---: | ---: |',
    ...counts.byRequest.map(
      (r) => `| ${r.request} | ${per(r.statements)} | ${per(r.commits)} | ${ms(r.cpuMicros)} |`,
    ),
    `| **whole sign-in** | **${per(total.statements)}** | **${per(total.commits)}** | **${ms(total.cpuMicros)}** |`,
    '',
    '| statement (most frequent) | per sign-in |',
    '| --- | ---: |',
    ...counts.bySql
      .slice(0, topStatements)
      .map((s) => `| \`${s.sql.replace(/\s+/g, ' ').slice(0, 110)}\` | ${per(s.count)} |`),
  ].join('\n');
}

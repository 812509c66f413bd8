/** The MFA rows as Markdown: throughput against argon2id, and the server's CPU beyond the hash. */
import { countFailures } from './measure.ts';
import { fixed, percent, type Row } from './report.ts';

/** The server's CPU per sign-in, all threads, less one raw argon2id verification (same run). */
export function serverCpuBeyondHash(row: Row): number {
  const cpu = row.http.cpuMsPerSignIn;
  return cpu.serverMain + cpu.serverPool + cpu.serverOther - row.baseline.cpuMsPerVerify;
}

export function mfaTable(rows: ReadonlyArray<Row & { totpWaitShare: number }>): string {
  const lines = [
    "| round | in flight | argon2id verify/s | MFA sign-ins/s | ratio | failures | sign-in p50 / p95 ms | server CPU ms / sign-in (main + pool + other) | argon2id CPU ms / verify | **server CPU beyond the hash** | main-thread utilisation | other processes' CPU (baseline / MFA) | workers waiting for a fresh TOTP step |",
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const { baseline, http } = row;
    const cpu = http.cpuMsPerSignIn;
    const server = cpu.serverMain + cpu.serverPool + cpu.serverOther;
    lines.push(
      `| ${row.round} | ${row.concurrency} | ${fixed(baseline.perSecond, 1)} | ` +
        `${fixed(http.perSecond, 1)} | ${fixed(row.ratio, 2)} | ` +
        `${countFailures(baseline.failures) + countFailures(http.failures)} | ` +
        `${fixed(http.latencyMs.p50, 0)} / ${fixed(http.latencyMs.p95, 0)} | ` +
        `${fixed(server, 1)} (${fixed(cpu.serverMain, 1)} + ${fixed(cpu.serverPool, 1)} + ` +
        `${fixed(cpu.serverOther, 1)}) | ${fixed(baseline.cpuMsPerVerify, 1)} | ` +
        `**${fixed(serverCpuBeyondHash(row), 1)}** | ${percent(http.mainThreadUtilization)} | ` +
        `${percent(baseline.othersCpuShare)} / ${percent(http.othersCpuShare)} | ` +
        `${percent(row.totpWaitShare)} |`,
    );
  }
  return lines.join('\n');
}

/**
 * A CPU profile of the server's main thread while `work` runs (`--cpu-prof`), summarised per
 * operation: self and inclusive time by package, file and function (cpu-profile-summary.ts).
 */
import { join } from 'node:path';
import { type ProfileSummary, profileTables, summarizeCpuProfile } from './cpu-profile-summary.ts';
import type { IdentityProcess } from './identity-process.ts';
import { readThreadCpuMs } from './proc-stats.ts';

export interface ServerProfile extends ProfileSummary {
  file: string;
  operations: number;
  /** The main thread's CPU time over the profile (/proc), which the tables are scaled to. */
  mainCpuMs: number;
}

export async function profileServer<T>(
  identity: IdentityProcess,
  dir: string | undefined,
  name: string,
  work: () => Promise<T>,
  countOperations: () => number,
): Promise<{ result: T; profile: ServerProfile | undefined }> {
  if (dir === undefined) return { result: await work(), profile: undefined };
  await identity.startProfile();
  const before = { operations: countOperations(), cpu: readThreadCpuMs(identity.pid).main };
  const result = await work();
  const mainCpuMs = readThreadCpuMs(identity.pid).main - before.cpu;
  const file = await identity.stopProfile(join(dir, `${name}.cpuprofile`));
  const operations = countOperations() - before.operations;
  const summary = summarizeCpuProfile(file);
  console.log(`\nprofile ${file}\n${profileTables(summary, operations, { mainCpuMs })}`);
  return { result, profile: { file, operations, mainCpuMs, ...summary } };
}

/**
 * A CPU profile of the server's main thread while `work` runs (`--cpu-prof`), summarised per
 * operation: self and inclusive time by package, file and function (cpu-profile-summary.ts).
 */
import { join } from 'node:path';
import { type ProfileSummary, profileTables, summarizeCpuProfile } from './cpu-profile-summary.ts';
import type { IdentityProcess } from './identity-process.ts';

export interface ServerProfile extends ProfileSummary {
  file: string;
  operations: number;
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
  const before = countOperations();
  const result = await work();
  const file = await identity.stopProfile(join(dir, `${name}.cpuprofile`));
  const operations = countOperations() - before;
  const summary = summarizeCpuProfile(file);
  console.log(`\nprofile ${file}\n${profileTables(summary, operations)}`);
  return { result, profile: { file, operations, ...summary } };
}

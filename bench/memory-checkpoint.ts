/**
 * The identity child's memory at a quiet moment, read twice: as the system sees it after a few
 * seconds without load (what the 150 MB target is about), then after two full collections
 * (heap still held by live objects). RSS that stays high while `heapUsed` after GC stays flat is
 * memory not given back to the system, not memory held by the server.
 */
import type { IdentityProcess } from './identity-process.ts';
import { sleep } from './measure.ts';
import { readMemoryMiB } from './proc-stats.ts';

export interface MemoryCheckpoint {
  label: string;
  /** VmRSS after `idleMs` without load, before any forced GC. */
  rssMiB: number;
  rssAnonMiB: number;
  rssFileMiB: number;
  /** After two full collections; `outsideHeapMiB`: anonymous RSS not in V8's heap spaces. */
  gc: {
    rssMiB: number;
    heapUsedMiB: number;
    heapTotalMiB: number;
    newSpaceMiB: number;
    externalMiB: number;
    outsideHeapMiB: number;
  };
  heapSnapshot?: string;
}

const mib = (bytes: number) => bytes / 2 ** 20;

export async function memoryCheckpoint(
  identity: IdentityProcess,
  label: string,
  options: { idleMs?: number; heapSnapshot?: string } = {},
): Promise<MemoryCheckpoint> {
  await sleep(options.idleMs ?? 2000);
  const rssMiB = readMemoryMiB(identity.pid, 'VmRSS');
  const rssAnonMiB = readMemoryMiB(identity.pid, 'RssAnon');
  const rssFileMiB = readMemoryMiB(identity.pid, 'RssFile');
  const after = await identity.memory(true);
  const physical = (name?: string) =>
    after.spaces
      .filter((space) => name === undefined || space.name === name)
      .reduce((sum, space) => sum + space.physical, 0);
  const checkpoint: MemoryCheckpoint = {
    label,
    rssMiB,
    rssAnonMiB,
    rssFileMiB,
    gc: {
      rssMiB: readMemoryMiB(identity.pid, 'VmRSS'),
      heapUsedMiB: mib(after.heapUsed),
      heapTotalMiB: mib(after.heapTotal),
      newSpaceMiB: mib(physical('new_space')),
      externalMiB: mib(after.external),
      outsideHeapMiB: readMemoryMiB(identity.pid, 'RssAnon') - mib(physical()),
    },
  };
  if (options.heapSnapshot !== undefined)
    checkpoint.heapSnapshot = await identity.heapSnapshot(options.heapSnapshot);
  return checkpoint;
}

/** Memory checkpoints and start-up as Markdown. */
import type { MemoryCheckpoint } from './memory-checkpoint.ts';
import { fixed } from './report.ts';

export function memoryTable(checkpoints: readonly MemoryCheckpoint[], peakRssMiB: number): string {
  const lines = [
    '| identity process, idle | RSS MiB | anonymous / file-backed | after 2 full GCs: RSS | heap used | heap total | of which new space (resident) | anonymous outside V8 heap |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const c of checkpoints)
    lines.push(
      `| ${c.label} | **${fixed(c.rssMiB, 0)}** | ${fixed(c.rssAnonMiB, 0)} / ${fixed(c.rssFileMiB, 0)} | ` +
        `${fixed(c.gc.rssMiB, 0)} | ${fixed(c.gc.heapUsedMiB, 1)} | ${fixed(c.gc.heapTotalMiB, 1)} | ` +
        `${fixed(c.gc.newSpaceMiB, 0)} | ${fixed(c.gc.outsideHeapMiB, 0)} |`,
    );
  lines.push(`| peak under load (VmHWM) | **${fixed(peakRssMiB, 0)}** | | | | | | |`);
  return lines.join('\n');
}

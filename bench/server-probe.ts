/**
 * Loaded into the identity child by the bench only (`node <serverNodeArgs> --import
 * ./bench/server-probe.ts …`): answers the bench's questions over the IPC channel — the event
 * loop's utilisation so far, the process's memory (after a full collection when asked, with
 * `--expose-gc`), a heap snapshot, and a CPU profile of the main thread between two questions
 * (the inspector's sampling profiler, as `--cpu-prof` but only while the bench measures), and
 * the SQL statements run per request (sql-trace.ts).
 * Nothing of it runs in a server started any other way.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { startSqlTrace, stopSqlTrace } from './sql-trace.ts';

export type ProbeQuestion =
  | { type: 'event-loop' }
  | { type: 'memory'; gc: boolean }
  | { type: 'heap-snapshot'; file: string }
  | { type: 'profile-start'; intervalMicros: number }
  | { type: 'profile-stop'; file: string }
  | { type: 'sql-trace'; on: boolean };

export interface EventLoopTotals {
  idle: number;
  active: number;
}

interface Envelope {
  probe: number;
  question: ProbeQuestion;
}

let profiler: Session | undefined;

async function answer(question: ProbeQuestion): Promise<unknown> {
  switch (question.type) {
    case 'event-loop': {
      const { idle, active } = performance.eventLoopUtilization();
      return { idle, active } satisfies EventLoopTotals;
    }
    case 'memory': {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (question.gc && gc === undefined)
        throw new Error('memory: start the child with --expose-gc');
      // Twice: objects freed by the first collection's finalizers go in the second.
      if (question.gc) for (let i = 0; i < 2; i += 1) gc?.();
      const spaces = getHeapSpaceStatistics().map((space) => ({
        name: space.space_name,
        size: space.space_size,
        used: space.space_used_size,
        physical: space.physical_space_size,
      }));
      return { ...process.memoryUsage(), spaces };
    }
    case 'heap-snapshot':
      return writeHeapSnapshot(question.file);
    case 'sql-trace':
      if (!question.on) return stopSqlTrace();
      startSqlTrace();
      return true;
    case 'profile-start': {
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.setSamplingInterval', { interval: question.intervalMicros });
      await profiler.post('Profiler.start');
      return true;
    }
    case 'profile-stop': {
      if (profiler === undefined) throw new Error('profile-stop: no profile started');
      const { profile } = await profiler.post('Profiler.stop');
      profiler.disconnect();
      profiler = undefined;
      writeFileSync(question.file, JSON.stringify(profile));
      return question.file;
    }
  }
}

if (process.send !== undefined) {
  process.on('message', (message: Envelope) => {
    if (typeof message?.probe !== 'number') return;
    answer(message.question).then(
      (value) => process.send?.({ probe: message.probe, answer: value }),
      (error: unknown) => process.send?.({ probe: message.probe, error: String(error) }),
    );
  });
  // The channel must not keep the server alive once it closes (SIGTERM from the bench).
  process.channel?.unref();
}

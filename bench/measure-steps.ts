/** One sign-in at a time: what each request of the flow takes, without queueing. At most
 * `maxSignIns` of them (MFA accounts have few TOTP steps to spare). */
import type { StepTimes } from './browser.ts';
import { percentile, runClosedLoop } from './measure.ts';

export type StepMedians = Map<string, { p50: number; count: number }>;

export async function measureSteps(
  seconds: number,
  signIn: (steps: StepTimes) => Promise<void>,
  maxSignIns = 100,
): Promise<StepMedians> {
  const steps: StepTimes = new Map();
  await runClosedLoop({ concurrency: 1, seconds, maxFinished: maxSignIns }, () => signIn(steps));
  return new Map(
    [...steps].map(([step, ms]) => [step, { p50: percentile(ms, 0.5), count: ms.length }]),
  );
}

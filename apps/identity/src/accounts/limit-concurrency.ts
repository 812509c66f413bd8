/**
 * At most `max` tasks running at once; the others wait their turn, first come first served.
 * A task that fails frees its place like one that succeeds.
 */
export type ConcurrencyLimit = <T>(task: () => Promise<T>) => Promise<T>;

export function limitConcurrency(max: number): ConcurrencyLimit {
  if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a positive integer');
  let running = 0;
  const waiting: Array<() => void> = [];
  // A finished task hands its place to the first waiter, or gives it back.
  const next = () => {
    const resume = waiting.shift();
    if (resume === undefined) running -= 1;
    else resume();
  };
  return async (task) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      next();
    }
  };
}

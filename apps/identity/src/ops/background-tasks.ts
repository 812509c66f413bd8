/**
 * Work done after the response, so that its cost tells nothing (G-11: « Mot de passe oublié »
 * answers at once, whether there is an account to mail or not). The server waits for the tasks
 * still running when it closes; a task's failure is logged, never thrown.
 */
export interface BackgroundTasks {
  run(task: () => Promise<unknown>): void;
  /** Resolves once every task started so far has ended. */
  idle(): Promise<void>;
}

export function createBackgroundTasks(onError: (error: unknown) => void): BackgroundTasks {
  const running = new Set<Promise<void>>();
  return {
    run(task) {
      const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(task)
        .then(
          () => undefined,
          (error: unknown) => onError(error),
        )
        .finally(() => running.delete(done));
      running.add(done);
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}

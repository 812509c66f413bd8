import { describe, expect, it } from 'vitest';
import { limitConcurrency } from './limit-concurrency.ts';

/** A task that runs until the test lets it finish, recording when it started. */
function controlledTasks() {
  const started: number[] = [];
  const finish = new Map<number, { resolve(): void; reject(error: Error): void }>();
  const task = (n: number) => () => {
    started.push(n);
    return new Promise<number>((resolve, reject) => {
      finish.set(n, { resolve: () => resolve(n), reject });
    });
  };
  return { started, finish, task };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('limitConcurrency (ADR 0016: the password hashes a machine runs at once)', () => {
  it('runs at most max tasks at once, the others in the order they came', async () => {
    const inTurn = limitConcurrency(2);
    const { started, finish, task } = controlledTasks();
    const results = [1, 2, 3, 4, 5].map((n) => inTurn(task(n)));
    await settle();
    expect(started).toEqual([1, 2]);
    finish.get(2)?.resolve();
    await settle();
    expect(started).toEqual([1, 2, 3]);
    finish.get(1)?.resolve();
    finish.get(3)?.resolve();
    await settle();
    expect(started).toEqual([1, 2, 3, 4, 5]);
    finish.get(4)?.resolve();
    finish.get(5)?.resolve();
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives a failed task’s place to the next one, and passes the failure on', async () => {
    const inTurn = limitConcurrency(1);
    const { started, finish, task } = controlledTasks();
    const first = inTurn(task(1));
    const second = inTurn(task(2));
    await settle();
    expect(started).toEqual([1]);
    finish.get(1)?.reject(new Error('argon2 failed'));
    await expect(first).rejects.toThrow('argon2 failed');
    await settle();
    expect(started).toEqual([1, 2]);
    finish.get(2)?.resolve();
    expect(await second).toBe(2);
  });

  it('takes a new task at once when a place is free again', async () => {
    const inTurn = limitConcurrency(1);
    const { started, finish, task } = controlledTasks();
    const first = inTurn(task(1));
    await settle();
    finish.get(1)?.resolve();
    await first;
    const second = inTurn(task(2));
    await settle();
    expect(started).toEqual([1, 2]);
    finish.get(2)?.resolve();
    expect(await second).toBe(2);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => limitConcurrency(0)).toThrow(RangeError);
    expect(() => limitConcurrency(1.5)).toThrow(RangeError);
  });
});

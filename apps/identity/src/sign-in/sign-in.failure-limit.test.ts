import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSignIn } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { attempt, failureReasons, gotCode, newBrowser } from '../../test/sign-in-kit.ts';
import { accountPolicy } from '../security/attempt-policy.ts';

const password = 'rivière gelée 2026';
const perLock = accountPolicy.failuresPerLock;
const firstLockSeconds = accountPolicy.baseLockSeconds;

describe.each(testBackends())('per-account failure limit (G-07, G-09) (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    await t.createUser({ username: 'Claire.Tremblay', email: 'claire@example.ca', password });
  });
  afterEach(() => t.close());

  /** `count` wrong guesses posted at once, each from its own browser and interaction. */
  async function parallelGuesses(count: number, passwordOf = (i: number) => `wrong guess ${i}`) {
    const pages = await Promise.all(
      Array.from({ length: count }, async () => {
        const browser = newBrowser(t);
        return { browser, ...(await openSignIn(browser)) };
      }),
    );
    return Promise.all(
      pages.map(({ browser, action, csrf }, i) =>
        browser.post(action, { csrf, username: 'claire.tremblay', password: passwordOf(i) }),
      ),
    );
  }

  it('evaluates exactly failuresPerLock of 50 parallel wrong guesses', async () => {
    const responses = await parallelGuesses(50);
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(401));
    expect(await failureReasons(t)).toEqual({ bad_password: perLock, throttled: 50 - perLock });
  });

  it('lets no right password through once the limit is reached, even in parallel', async () => {
    await parallelGuesses(50);
    const responses = await parallelGuesses(10, () => password);
    expect(responses.filter(gotCode)).toEqual([]);
    expect(await failureReasons(t)).toEqual({
      bad_password: perLock,
      throttled: 50 - perLock + 10,
    });
  });

  it('refuses the right password while locked, and accepts it once the lock ends', async () => {
    for (let i = 0; i < perLock; i += 1) await attempt(t, 'claire.tremblay', `wrong ${i}`);
    expect(await failureReasons(t)).toEqual({ bad_password: perLock });

    const locked = await attempt(t, 'claire.tremblay', password);
    expect(locked.statusCode).toBe(401);
    expect(await failureReasons(t)).toEqual({ bad_password: perLock, throttled: 1 });

    t.clock.advance(firstLockSeconds - 1);
    expect((await attempt(t, 'claire.tremblay', password)).statusCode).toBe(401);

    t.clock.advance(1);
    expect(gotCode(await attempt(t, 'claire.tremblay', password))).toBe(true);
  });

  it('doubles the lock on the next multiple of failures', async () => {
    for (let i = 0; i < perLock; i += 1) await attempt(t, 'claire.tremblay', `wrong ${i}`);
    t.clock.advance(firstLockSeconds);
    for (let i = 0; i < perLock; i += 1) await attempt(t, 'claire.tremblay', `again ${i}`);
    expect(await failureReasons(t)).toEqual({ bad_password: 2 * perLock });

    t.clock.advance(firstLockSeconds);
    expect((await attempt(t, 'claire.tremblay', password)).statusCode).toBe(401);
    t.clock.advance(firstLockSeconds - 1);
    expect((await attempt(t, 'claire.tremblay', password)).statusCode).toBe(401);
    t.clock.advance(1);
    expect(gotCode(await attempt(t, 'claire.tremblay', password))).toBe(true);
  });

  it('a success clears the count: failures are consecutive', async () => {
    for (let i = 0; i < perLock - 1; i += 1) await attempt(t, 'claire.tremblay', `wrong ${i}`);
    expect(gotCode(await attempt(t, 'claire.tremblay', password))).toBe(true);
    for (let i = 0; i < perLock - 1; i += 1) await attempt(t, 'claire.tremblay', `more ${i}`);
    expect(gotCode(await attempt(t, 'claire.tremblay', password))).toBe(true);
    expect(await failureReasons(t)).toEqual({ bad_password: 2 * (perLock - 1) });
  });
});

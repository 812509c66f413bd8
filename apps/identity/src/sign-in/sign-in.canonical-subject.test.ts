import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { attempt, auditEvents, failureReasons, gotCode } from '../../test/sign-in-kit.ts';
import { accountPolicy } from '../security/attempt-policy.ts';

const password = 'rivière gelée 2026';
/** The ways one person may type the one account's name (G-10). */
const variants = ['Alice', 'ALICE', 'ａｌｉｃｅ', 'alice ', 'ALICE@EXAMPLE.CA', 'Alice@Example.ca'];

describe.each(testBackends())('canonical subject (G-10) (%s)', (backend) => {
  let t: TestApp;
  let accountId: string;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    accountId = await t.createUser({ username: 'alice', email: 'alice@example.ca', password });
  });
  afterEach(() => t.close());

  it('signs in with every variant of the username and email', async () => {
    for (const variant of variants) {
      expect(gotCode(await attempt(t, variant, password)), variant).toBe(true);
    }
    const events = await auditEvents(t);
    expect(events.map((e) => [e.type, e.account_id])).toEqual(
      variants.map(() => ['sign_in.succeeded', accountId]),
    );
  });

  it('counts failures under every variant against the one account', async () => {
    const guesses = variants.slice(0, accountPolicy.failuresPerLock);
    for (const [i, variant] of guesses.entries()) await attempt(t, variant, `wrong ${i}`);
    expect(await failureReasons(t)).toEqual({ bad_password: accountPolicy.failuresPerLock });

    // Locked for every variant, including those not used for the guesses.
    for (const variant of variants) {
      expect((await attempt(t, variant, password)).statusCode, variant).toBe(401);
    }
    const events = await auditEvents(t);
    expect(new Set(events.map((e) => e.account_id))).toEqual(new Set([accountId]));
    expect(await failureReasons(t)).toEqual({
      bad_password: accountPolicy.failuresPerLock,
      throttled: variants.length,
    });

    t.clock.advance(accountPolicy.baseLockSeconds);
    expect(gotCode(await attempt(t, 'ａｌｉｃｅ', password))).toBe(true);
  });

  it('counts unknown-name guesses under one key too, whatever the variant', async () => {
    const unknown = ['Bob', 'BOB', 'ｂｏｂ', 'bob ', 'B\u200bob'];
    for (const variant of unknown) await attempt(t, variant, 'some guess');
    expect(await failureReasons(t)).toEqual({ unknown_account: accountPolicy.failuresPerLock });
    expect((await attempt(t, 'bob', 'another guess')).statusCode).toBe(401);
    expect(await failureReasons(t)).toMatchObject({ throttled: 1 });
  });
});

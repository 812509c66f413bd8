/**
 * G-39: second-factor failures are counted per account and method (and per source address) and
 * are never cleared by a password success. The attack found in review: knowing the password,
 * alternate a few wrong codes with fresh password sign-ins, and guess codes without limit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import {
  atSecondFactor as atSecondFactorOf,
  enrollAccount,
  submitCode,
} from '../../test/mfa-kit.ts';
import { auditEvents, fromAddress, gotCode } from '../../test/sign-in-kit.ts';
import { generateTotpCode } from '../factors/totp/totp-code.ts';
import { accountPolicy, secondFactorIpPolicy } from '../security/attempt-policy.ts';

const password = 'feuilles d’automne 12';

/** A code that is not the current one, nor one of its neighbours. */
function wrongCode(secret: Uint8Array, nowMs: number, i: number): string {
  const near = new Set([-1, 0, 1].map((step) => generateTotpCode(secret, nowMs + step * 30_000)));
  for (let n = i; ; n += 1) {
    const code = String((n * 7919) % 1_000_000).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

describe.each(testBackends())('second-factor counters stand alone (G-39) (%s)', (backend) => {
  let t: TestApp;
  let secret: Uint8Array;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'nadia', password });
    secret = await enrollAccount(t, 'nadia', password);
  });
  afterEach(() => t.close());

  const atSecondFactor = () => atSecondFactorOf(t, 'nadia', password);

  async function evaluatedWrongCodes(): Promise<number> {
    return (await auditEvents(t)).filter(
      (e) => e.type === 'sign_in.second_factor_failed' && e.reason === 'invalid',
    ).length;
  }

  it('throttles wrong codes interleaved with right-password sign-ins, well before 30', async () => {
    for (let i = 0; i < 30; i += 1) {
      // A fresh password sign-in (in another flow) before every guess: it must not help.
      const { b, base } = await atSecondFactor();
      const { response } = await submitCode(b, base, wrongCode(secret, t.clock.now, i));
      expect(response.statusCode).toBe(401);
    }
    expect(await evaluatedWrongCodes()).toBe(accountPolicy.failuresPerLock);

    // Locked: the right code, in a flow whose password was right, yields no authorization code.
    const { b, base } = await atSecondFactor();
    const right = await submitCode(b, base, generateTotpCode(secret, t.clock.now));
    expect(right.response.statusCode).toBe(401);
    expect(gotCode(await b.follow(right.response))).toBe(false);

    // The back-off ends by itself: the right code then goes through.
    t.clock.advance(accountPolicy.baseLockSeconds + 30);
    const later = await atSecondFactor();
    const ok = await submitCode(later.b, later.base, generateTotpCode(secret, t.clock.now));
    expect(ok.response.statusCode).toBe(303);
  });

  it('limits guesses per source address too, across accounts', async () => {
    const attacker = fromAddress(t.app, '203.0.113.9');
    const others: Array<{ username: string }> = [];
    const perAccount = accountPolicy.failuresPerLock - 1;
    const accounts = Math.ceil(secondFactorIpPolicy.failuresPerLock / perAccount) + 1;
    for (let n = 0; n < accounts; n += 1) {
      const username = `client${n}`;
      await t.createUser({ username, password });
      await enrollAccount(t, username, password);
      others.push({ username });
    }
    let evaluated = 0;
    for (const { username } of others) {
      for (let i = 0; i < perAccount; i += 1) {
        const { b, base } = await atSecondFactorOf(t, username, password, attacker);
        await submitCode(b, base, '000000');
        evaluated = await evaluatedWrongCodes();
      }
    }
    expect(evaluated).toBe(secondFactorIpPolicy.failuresPerLock);
    // Another address is not affected by the attacker's lock.
    const { b, base } = await atSecondFactor();
    const ok = await submitCode(b, base, generateTotpCode(secret, t.clock.now));
    expect(ok.response.statusCode).toBe(303);
  });
});

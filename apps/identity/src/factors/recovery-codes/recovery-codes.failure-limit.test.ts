/**
 * G-18, G-39: wrong recovery codes count toward the account's second-factor failure limit for
 * this method (and the address's): once it is reached, even a right code is refused unevaluated;
 * a password success in between clears nothing; the lock ends with its time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { atSecondFactor } from '../../../test/mfa-kit.ts';
import { enrollWithRecoveryCodes, recoveryCodeForm } from '../../../test/recovery-codes-kit.ts';
import { failureReasons } from '../../../test/sign-in-kit.ts';
import { accountPolicy } from '../../security/attempt-policy.ts';

const password = 'rue du Petit-Champlain 1685';
const wrong = 'AAAA-BBBB-CCCC-DDDD';

describe.each(testBackends())('wrong recovery codes are limited (G-39) (%s)', (backend) => {
  let t: TestApp;
  let codes: string[];
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'rose', password });
    ({ codes } = await enrollWithRecoveryCodes(t, 'rose', password));
  });
  afterEach(() => t.close());

  /** A sign-in past its password (a success each time), at the recovery code's form. */
  async function atRecoveryCode() {
    const { b, base } = await atSecondFactor(t, 'rose', password);
    const { fields } = await recoveryCodeForm(b, base);
    return (code: string) => b.post(`${base}/verify`, { ...fields, code });
  }

  it('refuses even a right code once the limit is reached, across sign-ins', async () => {
    // Half the wrong codes in one sign-in, the rest in another: the password's success between
    // them clears nothing.
    const half = Math.ceil(accountPolicy.failuresPerLock / 2);
    const first = await atRecoveryCode();
    for (let i = 0; i < half; i += 1) expect((await first(wrong)).statusCode).toBe(401);
    const second = await atRecoveryCode();
    for (let i = half; i < accountPolicy.failuresPerLock; i += 1)
      expect((await second(wrong)).statusCode).toBe(401);
    const locked = await second(codes[0] as string);
    expect(locked.statusCode).toBe(401);
    expect(await failureReasons(t, 'sign_in.second_factor_failed')).toMatchObject({
      invalid: accountPolicy.failuresPerLock,
      throttled: 1,
    });
    // The code was not evaluated, so not used: it works once the lock has ended.
    t.clock.advance(accountPolicy.baseLockSeconds);
    const later = await atRecoveryCode();
    expect((await later(codes[0] as string)).statusCode).toBe(303);
  });

  it('counts what cannot even be a code, without a hash', async () => {
    const post = await atRecoveryCode();
    for (let i = 0; i < accountPolicy.failuresPerLock; i += 1)
      expect((await post(`nope-${i}`)).statusCode).toBe(401);
    expect((await post(codes[1] as string)).statusCode).toBe(401);
    expect(await failureReasons(t, 'sign_in.second_factor_failed')).toMatchObject({ throttled: 1 });
  });
});

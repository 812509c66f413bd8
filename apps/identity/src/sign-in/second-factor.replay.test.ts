/**
 * G-02, G-09, G-32: a TOTP code is accepted once — sequentially, in parallel, and across two
 * identity instances sharing one database; after step T is used, T-1 is refused too. A wrong
 * code counts toward the account's one failure limit. The ID token says `pwd` and `otp`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import {
  buildTestApp,
  cheapArgon2,
  type TestApp,
  testBackends,
} from '../../test/build-test-app.ts';
import {
  enrollOtherApp,
  finishEnrollment,
  interactionPath,
  passwordStep,
  submitCode,
} from '../../test/mfa-kit.ts';
import { buildApp } from '../app.ts';
import { generateTotpCode } from '../factors/totp/totp-code.ts';
import { accountPolicy } from '../security/attempt-policy.ts';

const password = 'feuilles d’automne 12';

describe.each(testBackends())('second factor: one-time codes (%s)', (backend) => {
  let t: TestApp;
  let secret: Uint8Array;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'nadia', name: 'Nadia Côté', password });
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(b, 'nadia', password)).location);
    secret = await enrollOtherApp(t, b, base);
    await finishEnrollment(b, base);
    // The enrollment's own code used this step: move on so the sign-ins below get fresh ones.
    t.clock.advance(30);
  });
  afterEach(() => t.close());

  /** A browser at the second-factor step. */
  async function atSecondFactor(app = t.app) {
    const b = new BrowserSession(app, t.config.publicUrl);
    const { location } = await passwordStep(b, 'nadia', password);
    return { b, base: interactionPath(location) };
  }

  it('accepts the current code once, and says pwd + otp in the result', async () => {
    const { b, base } = await atSecondFactor();
    const code = generateTotpCode(secret, t.clock.now);
    const { response } = await submitCode(b, base, code);
    expect(response.statusCode).toBe(303);
    expect(String(response.headers.location)).toContain('/oidc/auth/');

    const other = await atSecondFactor();
    const replay = await submitCode(other.b, other.base, code);
    expect(replay.response.statusCode).toBe(401);
    expect(replay.response.body).toContain('a déjà été utilisé');
  });

  it('refuses the previous step’s code once the current one was used', async () => {
    const first = await atSecondFactor();
    await submitCode(first.b, first.base, generateTotpCode(secret, t.clock.now));
    const second = await atSecondFactor();
    const older = await submitCode(
      second.b,
      second.base,
      generateTotpCode(secret, t.clock.now - 30_000),
    );
    expect(older.response.statusCode).toBe(401);
  });

  it('accepts one of two parallel submissions of the same code', async () => {
    const [one, two] = await Promise.all([atSecondFactor(), atSecondFactor()]);
    const code = generateTotpCode(secret, t.clock.now);
    const pages = await Promise.all([
      one.b.get(`${one.base}/verify`),
      two.b.get(`${two.base}/verify`),
    ]);
    const forms = pages.map((page) => ({
      csrf: /name="csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '',
      authenticatorId: /name="authenticatorId" value="([^"]+)"/.exec(page.body)?.[1] ?? '',
      code,
    }));
    const results = await Promise.all([
      one.b.post(`${one.base}/verify`, forms[0] ?? {}),
      two.b.post(`${two.base}/verify`, forms[1] ?? {}),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([303, 401]);
  });

  it('accepts a code once across two identity instances on one database', async () => {
    const second = await buildApp(t.config, {
      db: t.db,
      now: () => t.clock.now,
      argon2: cheapArgon2,
      logger: false,
    });
    try {
      const code = generateTotpCode(secret, t.clock.now);
      const [one, two] = await Promise.all([atSecondFactor(t.app), atSecondFactor(second)]);
      const results = await Promise.all([
        submitCode(one.b, one.base, code),
        submitCode(two.b, two.base, code),
      ]);
      expect(results.map((r) => r.response.statusCode).sort()).toEqual([303, 401]);
    } finally {
      await second.close();
    }
  });

  it('counts wrong codes toward the account’s failure limit', async () => {
    const { b, base } = await atSecondFactor();
    const right = generateTotpCode(secret, t.clock.now);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < accountPolicy.failuresPerLock; i += 1) {
      expect((await submitCode(b, base, wrong)).response.statusCode).toBe(401);
    }
    // Locked now: even the right code is refused, with the same message.
    const locked = await submitCode(b, base, right);
    expect(locked.response.statusCode).toBe(401);
    const events = await t.db
      .selectFrom('audit_events')
      .select('reason')
      .where('type', '=', 'sign_in.second_factor_failed')
      .execute();
    expect(events.map((e) => e.reason)).toEqual([
      ...Array(accountPolicy.failuresPerLock).fill('invalid'),
      'throttled',
    ]);
  });
});

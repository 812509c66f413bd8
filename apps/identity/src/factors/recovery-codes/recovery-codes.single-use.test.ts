/**
 * G-18: a recovery code is used once — one after the other, and when the same code is sent by two
 * sign-ins at the same moment (exactly one succeeds), over HTTP on both backends. Each use takes
 * one code only: the others still work.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { atSecondFactor } from '../../../test/mfa-kit.ts';
import {
  enrollWithRecoveryCodes,
  recoveryCodeForm,
  signInWithRecoveryCode,
} from '../../../test/recovery-codes-kit.ts';
import { auditEvents } from '../../../test/sign-in-kit.ts';

const password = 'boulevard René-Lévesque 1976';

describe.each(testBackends())('a recovery code is used once (G-18) (%s)', (backend) => {
  let t: TestApp;
  let codes: string[];
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'yves', password });
    ({ codes } = await enrollWithRecoveryCodes(t, 'yves', password));
  });
  afterEach(() => t.close());

  const unused = async () =>
    (await t.db.selectFrom('recovery_codes').select('used_at').execute()).filter(
      (row) => row.used_at === null,
    ).length;

  it('refuses a code already used, and takes nothing else with it', async () => {
    const code = codes[0] as string;
    expect((await signInWithRecoveryCode(t, 'yves', password, code)).response.statusCode).toBe(303);
    const again = await signInWithRecoveryCode(t, 'yves', password, code);
    expect(again.response.statusCode).toBe(401);
    expect(await unused()).toBe(9);
    const next = await signInWithRecoveryCode(t, 'yves', password, codes[1] as string);
    expect(next.response.statusCode).toBe(303);
    expect(await unused()).toBe(8);
  });

  it('accepts exactly one of several parallel uses of the same code', async () => {
    const code = codes[3] as string;
    const browsers = await Promise.all(
      Array.from({ length: 4 }, () => atSecondFactor(t, 'yves', password)),
    );
    const forms = await Promise.all(browsers.map(({ b, base }) => recoveryCodeForm(b, base)));
    const results = await Promise.all(
      browsers.map(({ b, base }, i) => b.post(`${base}/verify`, { ...forms[i]?.fields, code })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([303, 401, 401, 401]);
    expect(await unused()).toBe(9);
    const used = (await auditEvents(t)).filter((e) => e.type === 'recovery_code.used');
    expect(used).toHaveLength(1);
  });
});

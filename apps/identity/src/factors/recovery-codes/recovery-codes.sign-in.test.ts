/**
 * Recovery codes at sign-in, over HTTP through the real pages (G-18): offered at the end of an
 * enrollment, « Utiliser un code de récupération » at the second factor, `pwd` + `otp` for the
 * application, the count left shown with a warning at three or fewer, and `recovery_code.used`
 * in the audit trail. Recovery codes alone are no enrollment: not offered first, never what ends
 * one, and an account with only its codes enrolls a method again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { interactionPath, passwordStep } from '../../../test/mfa-kit.ts';
import {
  enrollWithRecoveryCodes,
  generateAtEnrollment,
  recoveryCodeForm,
  signInWithRecoveryCode,
} from '../../../test/recovery-codes-kit.ts';
import { idTokenClaims } from '../../../test/sent-code-kit.ts';
import { auditEvents, gotCode } from '../../../test/sign-in-kit.ts';

const password = 'chemin du Roy 1737';

describe.each(testBackends())('signing in with a recovery code (%s)', (backend) => {
  let t: TestApp;
  let codes: string[];
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'ines', password });
    ({ codes } = await enrollWithRecoveryCodes(t, 'ines', password));
  });
  afterEach(() => t.close());

  it('gives ten distinct codes of 80 bits at the end of the enrollment', () => {
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
  });

  it('signs in with one, typed in any case and spacing, and the application gets pwd + otp', async () => {
    const typed = (codes[0] as string).toLowerCase().replaceAll('-', ' ');
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const { location, verifier } = await passwordStep(b, 'ines', password);
    const base = interactionPath(location);
    const { fields } = await recoveryCodeForm(b, base);
    const response = await b.post(`${base}/verify`, { ...fields, code: typed });
    expect(response.statusCode).toBe(303);
    const final = await b.follow(response);
    expect(gotCode(final)).toBe(true);
    const claims = await idTokenClaims(t, final, verifier);
    expect(claims).toMatchObject({ amr: ['pwd', 'otp'], acr: 'urn:sesame:loa:2fa' });
    const used = (await auditEvents(t)).filter((e) => e.type === 'recovery_code.used');
    expect(used).toHaveLength(1);
    const passed = (await auditEvents(t)).filter(
      (e) => e.type === 'sign_in.second_factor_succeeded',
    );
    expect(passed.at(-1)?.reason).toBe('recovery_codes');
  });

  it('shows how many are left, and warns at three or fewer', async () => {
    for (const code of codes.slice(0, 6))
      expect((await signInWithRecoveryCode(t, 'ines', password, code)).response.statusCode).toBe(
        303,
      );
    const { b, base } = await atSecondFactor();
    const { page } = await recoveryCodeForm(b, base);
    expect(page.body).toContain('il vous en reste 4');
    expect(page.body).not.toContain('class="alert warning"');
    // The seventh leaves three: accepted, and said so before going on to the application.
    const seventh = await signInWithRecoveryCode(t, 'ines', password, codes[6] as string);
    expect(seventh.response.statusCode).toBe(200);
    expect(seventh.response.body).toContain('Il ne vous reste que 3 codes de récupération');
    expect(seventh.response.body).toContain(`href="${seventh.base}"`);
    expect(gotCode(await seventh.b.follow(await seventh.b.get(seventh.base)))).toBe(true);
    const low = await recoveryCodeForm(b, base);
    expect(low.page.body).toContain('il vous en reste 3');
    expect(low.page.body).toContain('Il vous en reste peu');
  });

  async function atSecondFactor() {
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(b, 'ines', password)).location);
    return { b, base };
  }
});

describe.each(testBackends())('recovery codes are no enrollment (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    await t.createUser({ username: 'ines', password });
  });
  afterEach(() => t.close());

  it('are not offered first, nor made before a method, nor end an enrollment', async () => {
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(b, 'ines', password)).location);
    const choose = await b.get(`${base}/enroll`);
    expect(choose.body).toContain('Choisir');
    expect(choose.body).not.toContain('Codes de récupération');
    const early = await b.get(`${base}/enroll/recovery-codes`);
    expect(early.statusCode).toBe(303);
    expect(early.headers.location).toBe(`${base}/enroll`);
    // Nor by posting the form, with this flow's own CSRF token (from another of its pages).
    const other = await b.get(`${base}/enroll/other-app`);
    const forced = await b.post(`${base}/enroll/recovery-codes`, {
      csrf: hiddenField(other.body, 'csrf'),
    });
    expect(forced.statusCode).not.toBe(200);
    expect(await t.db.selectFrom('recovery_codes').selectAll().execute()).toHaveLength(0);
  });

  it('leave an account with only its codes to enroll a method at its next sign-in', async () => {
    const { codes } = await enrollWithRecoveryCodes(t, 'ines', password);
    // The app's method removed (here in the database: its removal is not what is tested).
    await t.db.deleteFrom('authenticators').where('kind', '!=', 'recovery_codes').execute();
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const { location } = await passwordStep(b, 'ines', password);
    const base = interactionPath(location);
    const next = await b.get(base);
    expect(next.headers.location).toBe(`${base}/enroll`);
    // Its codes do not stand in for a method: the second-factor page is not this flow's step.
    const verify = await b.get(`${base}/verify`);
    expect(verify.statusCode).toBe(303);
    expect(codes).toHaveLength(10);
    // And the new enrollment may end with a new set, replacing the old one.
    const { enrollOtherApp } = await import('../../../test/mfa-kit.ts');
    await enrollOtherApp(t, b, base);
    const again = await generateAtEnrollment(b, base);
    expect(again.codes).toHaveLength(10);
    expect(await t.db.selectFrom('recovery_codes').selectAll().execute()).toHaveLength(10);
  });
});

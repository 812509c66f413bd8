/**
 * The grace period (ADR 0013): while days remain, the enrollment page says how many and offers
 * « Plus tard », which ends the sign-in with the password alone (acr 1fa) and is audited; the days
 * count from the account's first sign-in under the requirement; after the deadline enrollment is
 * forced and « Plus tard » posted anyway is refused; an application asking for two factors
 * (acr_values) gets no « Plus tard ».
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { interactionPath, passwordStep } from '../../test/mfa-kit.ts';
import { auditEvents, redeemCode } from '../../test/sign-in-kit.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { setMfaPolicy } from '../accounts/operations/set-mfa-policy.ts';

const password = 'pommes de terre 88';
const hour = 3600;
const day = 24 * hour;
const twoFactors = { acr_values: 'urn:sesame:loa:2fa' };

describe.each(testBackends())('the grace period before enrollment (%s)', (backend) => {
  let t: TestApp;
  let louis: string;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    louis = await t.createUser({ username: 'louis', name: 'Louis Roy', password });
    const deps = { db: t.db, now: () => t.clock.now };
    await setMfaPolicy(deps, cliActor, { change: { graceDays: 3 } });
  });
  afterEach(() => t.close());

  /** A sign-in at its enrollment page, in French unless told. */
  async function atEnrollment(params: Record<string, string> = {}, language = 'fr') {
    const b = new BrowserSession(t.app, t.config.publicUrl, { 'accept-language': language });
    const { location, verifier } = await passwordStep(b, 'louis', password, params);
    const base = interactionPath(location);
    const page = await b.get(`${base}/enroll`);
    expect(page.statusCode).toBe(200);
    return { b, base, page, verifier };
  }

  const later = (b: BrowserSession, base: string, csrf: string) =>
    b.post(`${base}/enroll/later`, { csrf });

  it('« Plus tard » finishes the sign-in with one factor while days remain, audited', async () => {
    const { b, base, page, verifier } = await atEnrollment();
    expect(page.body).toContain('La configuration sera obligatoire dans 3 jours.');
    expect(page.body).toContain('Plus tard');
    // Its form ends in a redirect to the application: the page's form-action allows it.
    expect(String(page.headers['content-security-policy'])).toMatch(
      /form-action [^;]*http:\/\/localhost:3001/,
    );
    const done = await b.follow(await later(b, base, hiddenField(page.body, 'csrf')));
    const code = new URL(String(done.headers.location)).searchParams.get('code');
    expect(code).not.toBeNull();
    const tokens = await redeemCode(t.app, code ?? '', verifier);
    const claims = JSON.parse(
      Buffer.from(tokens.body.id_token?.split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(claims).toMatchObject({ amr: ['pwd'], acr: 'urn:sesame:loa:1fa' });
    const deferred = (await auditEvents(t)).filter((e) => e.type === 'sign_in.enrollment_deferred');
    expect(deferred).toMatchObject([
      { account_id: louis, reason: '3d', client_id: 'espace-client' },
    ]);
  });

  it('counts the days from the first sign-in under the requirement, in both languages', async () => {
    await atEnrollment();
    t.clock.advance(day + hour);
    const second = await atEnrollment({}, 'en');
    expect(second.page.body).toContain('Setup will be required in 2 days.');
    expect(second.page.body).toContain('Later');
    t.clock.advance(day);
    const last = await atEnrollment();
    expect(last.page.body).toContain('La configuration sera obligatoire dans 1 jour.');
    expect((await atEnrollment({}, 'en')).page.body).toContain('Setup will be required in 1 day.');
  });

  it('after the deadline: no « Plus tard », enrollment forced, and a posted one refused', async () => {
    await atEnrollment();
    // A sign-in opened in the grace's last minutes, its « Plus tard » posted after the deadline
    // (an attacker posts what they like).
    t.clock.advance(3 * day - 10 * 60);
    const { b, base, page } = await atEnrollment();
    expect(page.body).toContain('La configuration sera obligatoire dans 1 jour.');
    t.clock.advance(20 * 60);
    const refused = await later(b, base, hiddenField(page.body, 'csrf'));
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('ne peut plus être remise à plus tard');
    // The same flow is at its enrollment, now forced.
    const again = await b.get(`${base}/enroll`);
    expect(again.statusCode).toBe(200);
    expect(again.body).not.toContain('/enroll/later');
    const forced = await atEnrollment();
    expect(forced.page.body).not.toContain('Plus tard');
    expect(forced.page.body).not.toContain('sera obligatoire dans');
    expect((await auditEvents(t)).some((e) => e.type === 'sign_in.enrollment_deferred')).toBe(
      false,
    );
  });

  it('gives no « Plus tard » where the application asks for two factors', async () => {
    const { b, base, page } = await atEnrollment(twoFactors);
    expect(page.body).not.toContain('Plus tard');
    expect(page.body).not.toContain('sera obligatoire dans');
    // Posted anyway, with the flow's own token from a method's page.
    const method = await b.get(`${base}/enroll/other-app`);
    const refused = await later(b, base, hiddenField(method.body, 'csrf'));
    expect(refused.statusCode).toBe(403);
  });

  it('refuses « Plus tard » without the flow’s CSRF token', async () => {
    const { b, base } = await atEnrollment();
    expect((await later(b, base, 'not-the-token')).statusCode).toBe(403);
    expect((await auditEvents(t)).some((e) => e.type === 'sign_in.enrollment_deferred')).toBe(
      false,
    );
  });

  it('offers none when the policy gives no grace (the default)', async () => {
    await setMfaPolicy({ db: t.db, now: () => t.clock.now }, cliActor, {
      change: { graceDays: 0 },
    });
    const { page } = await atEnrollment();
    expect(page.body).not.toContain('Plus tard');
    expect(await t.db.selectFrom('mfa_grace').selectAll().execute()).toEqual([]);
  });
});

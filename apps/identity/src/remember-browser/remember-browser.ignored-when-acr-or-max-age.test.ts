/**
 * Remember this browser (issue 8 §5) stands for the second factor only where nothing asks for
 * more: a later sign-in of the same account in that browser passes with its password alone —
 * recorded as such, its ID token claiming the password only (amr ["pwd"], acr one factor) — but
 * not when the application asks for two factors (`acr_values`) or a fresh sign-in (`max_age`,
 * `prompt=login`), never for a step-up, and not once the organization turned it off. Over HTTP,
 * on both backends.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import {
  idTokenClaims,
  rememberedCookie,
  rememberingAccount,
  signInWith,
  withRememberedCookie,
} from '../../test/security-page-kit.ts';
import { auditEvents, gotCode } from '../../test/sign-in-kit.ts';
import { acrValues } from '../sign-in/flow.ts';
import { setRememberDays } from './remember-setting.ts';

describe.each(testBackends())('a remembered browser, and what asks for more (%s)', (backend) => {
  let t: TestApp;
  let lea: Awaited<ReturnType<typeof rememberingAccount>>;
  let remembered: BrowserSession;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    lea = await rememberingAccount(t, 'lea');
    const first = new BrowserSession(t.app, t.config.publicUrl);
    const signIn = await signInWith(first, { username: 'lea', code: lea.code, remember: true });
    expect(signIn.asked).toBe(true);
    expect(gotCode(signIn.response)).toBe(true);
    expect(signIn.page?.body).toContain('Ne plus demander sur cet appareil pendant 30 jours');
    expect(rememberedCookie(first)).toBeDefined();
    remembered = first;
    t.clock.advance(3600);
  });
  afterEach(() => t.close());

  const later = (params?: Record<string, string>) =>
    signInWith(withRememberedCookie(t, remembered), { username: 'lea', code: lea.code, params });

  it('passes a later sign-in with the password alone, claiming the password only', async () => {
    const { asked, response, verifier } = await later();
    expect(asked).toBe(false);
    expect(gotCode(response)).toBe(true);
    const { claims } = await idTokenClaims(t, response, verifier);
    // The factor this browser once passed is not claimed again: one factor, the password.
    expect(claims.amr).toEqual(['pwd']);
    expect(claims.acr).toBe(acrValues.oneFactor);
    const events = (await auditEvents(t)).map((e) => e.type);
    expect(events.filter((type) => type === 'sign_in.remembered_browser')).toHaveLength(1);
    expect(events.filter((type) => type === 'remembered_browser.added')).toHaveLength(1);
  });

  it('asks the second factor when the application asks for two factors (acr_values)', async () => {
    const { asked, response, verifier } = await later({ acr_values: acrValues.twoFactors });
    expect(asked).toBe(true);
    expect(gotCode(response)).toBe(true);
    const { claims } = await idTokenClaims(t, response, verifier);
    expect(claims.acr).toBe(acrValues.twoFactors);
    expect(claims.amr).toEqual(['pwd', 'otp']);
  });

  it('asks the second factor when the application asks for a fresh sign-in (max_age)', async () => {
    expect((await later({ max_age: '3600' })).asked).toBe(true);
    expect((await later({ max_age: '0' })).asked).toBe(true);
  });

  it('asks the second factor when the application asks for a fresh sign-in (prompt=login)', async () => {
    expect((await later({ prompt: 'login' })).asked).toBe(true);
    // Nothing was skipped in any of them.
    const events = (await auditEvents(t)).map((e) => e.type);
    expect(events).not.toContain('sign_in.remembered_browser');
  });

  it('never stands for a step-up: the security page asks a code after a remembered sign-in', async () => {
    const browser = withRememberedCookie(t, remembered);
    expect((await signInWith(browser, { username: 'lea', code: lea.code })).asked).toBe(false);
    const [method] = await t.db.selectFrom('authenticators').select('id').execute();
    const asked = await browser.follow(await browser.get(`/account/methods/${method?.id}/remove`));
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toMatch(/action="\/account\/step-up\/[^"]+\/verify"/);
    // And the step-up's page offers no « Ne plus demander »: a step-up proves a factor now.
    expect(asked.body).not.toContain('Ne plus demander sur cet appareil');
  });

  it('asks the second factor again once the organization turns it off', async () => {
    await setRememberDays(t.db, 0);
    const { asked, page } = await later();
    expect(asked).toBe(true);
    expect(page?.body).not.toContain('Ne plus demander sur cet appareil');
  });

  it('asks the second factor when the box was not ticked', async () => {
    const other = new BrowserSession(t.app, t.config.publicUrl);
    await signInWith(other, { username: 'lea', code: lea.code });
    expect(rememberedCookie(other)).toBeUndefined();
  });
});

/**
 * « Ajouter une autre méthode » on the security page (issue 8 §4, G-23): the step-9 list under the
 * step-up host, after a second factor of the last five minutes — the session's own, or one asked
 * again — and back to the security page saying it was added. A step-up that has not passed its
 * second factor enrolls nothing. Over HTTP, on both backends.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { enrollOtherApp, finishEnrollment } from '../../test/mfa-kit.ts';
import { rememberingAccount, signInWith } from '../../test/security-page-kit.ts';

const addPath = `/account/step-up?return=${encodeURIComponent('/account?added=1')}`;

describe.each(testBackends())('adding a method from the security page (%s)', (backend) => {
  let t: TestApp;
  let lea: Awaited<ReturnType<typeof rememberingAccount>>;
  let browser: BrowserSession;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    lea = await rememberingAccount(t, 'lea');
    browser = new BrowserSession(t.app, t.config.publicUrl);
    await signInWith(browser, { username: 'lea', code: lea.code });
  });
  afterEach(() => t.close());

  const active = async () =>
    (await t.db.selectFrom('authenticators').select('id').where('status', '=', 'active').execute())
      .length;
  const stepUpBase = (url: string) => /\/account\/step-up\/[A-Za-z0-9_-]+/.exec(url)?.[0] ?? '';

  /** Open « Ajouter une autre méthode »; returns the page reached and its step-up's base. */
  async function openAdd() {
    const started = await browser.get(addPath);
    const page = await browser.follow(started);
    return { page, base: stepUpBase(String(started.headers.location)) };
  }

  it('offers the step-9 list at once after a fresh sign-in, and comes back saying it was added', async () => {
    expect((await browser.get('/account')).body).toContain(
      `href="/account/step-up?return=${encodeURIComponent('/account?added=1')}"`,
    );
    const { page, base } = await openAdd();
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`${base}/enroll/`);
    expect(page.body).toContain('Choisissez la méthode à ajouter à votre compte.');
    expect(page.body).toContain('href="/account">Retour à la sécurité du compte');
    t.clock.advance(30);
    await enrollOtherApp(t, browser, base);
    const done = await finishEnrollment(browser, base);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('La méthode a été ajoutée.');
    expect(await active()).toBe(2);
  });

  it('asks the second factor again when the sign-in is older than five minutes', async () => {
    t.clock.advance(600);
    const { page, base } = await openAdd();
    expect(page.body).toContain(`action="${base}/verify"`);
    // Not verified yet: its enrollment pages send back to the second factor.
    const early = await browser.get(`${base}/enroll/other-app`);
    expect(early.statusCode).toBe(303);
    expect(await active()).toBe(1);
    const verified = await browser.post(`${base}/verify`, {
      csrf: hiddenField(page.body, 'csrf'),
      authenticatorId: hiddenField(page.body, 'authenticatorId'),
      code: lea.code(),
    });
    expect(verified.headers.location).toBe(`${base}/enroll`);
    t.clock.advance(30);
    await enrollOtherApp(t, browser, base);
    await finishEnrollment(browser, base);
    expect(await active()).toBe(2);
  });

  it('enrolls each time it is asked: a second addition is not skipped by the first one', async () => {
    const first = await openAdd();
    t.clock.advance(30);
    await enrollOtherApp(t, browser, first.base);
    await finishEnrollment(browser, first.base);
    const second = await openAdd();
    expect(second.base).not.toBe(first.base);
    expect(second.page.body).toContain(`${second.base}/enroll/`);
  });
});

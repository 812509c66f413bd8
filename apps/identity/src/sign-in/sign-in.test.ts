import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BrowserSession,
  openSignIn,
  portalRedirectUri,
  signIn,
} from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';

describe.each(testBackends())('password sign-in (%s)', (backend) => {
  let t: TestApp;
  let browser: BrowserSession;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    await t.createUser({
      username: 'Claire.Tremblay',
      email: 'claire@example.ca',
      name: 'Claire Tremblay',
      password: 'rivière gelée 2026',
    });
    browser = new BrowserSession(t.app, t.config.publicUrl);
  });
  afterEach(() => t.close());

  it('shows the guide’s labels in French by default', async () => {
    const { page } = await openSignIn(browser);
    expect(page.body).toContain("Nom d'utilisateur");
    expect(page.body).toContain('Mot de passe');
    expect(page.body).toContain('Me connecter');
    expect(page.body).toContain('lang="fr-CA"');
  });

  it('honours ui_locales and the language toggle', async () => {
    const { page, action } = await openSignIn(browser, { ui_locales: 'en' });
    expect(page.body).toContain('Sign me in');
    expect(page.body).toContain('lang="en-CA"');
    // The user's own choice beats the application's ui_locales.
    const toggled = await browser.follow(
      await browser.get(`${action.replace(/\/login$/, '')}?lang=fr`),
    );
    expect(toggled.body).toContain('Me connecter');
  });

  it('signs in with the right password and redirects to the client with a code', async () => {
    const { response } = await signIn(browser, 'claire.tremblay', 'rivière gelée 2026');
    expect(response.statusCode).toBe(303);
    const location = new URL(String(response.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(portalRedirectUri);
    expect(location.searchParams.get('code')).toBeTruthy();
  });

  it('signs in with the email, whatever its case', async () => {
    const { response } = await signIn(browser, 'CLAIRE@example.CA', 'rivière gelée 2026');
    expect(new URL(String(response.headers.location)).searchParams.get('code')).toBeTruthy();
  });

  it('lets the language toggle of a failed attempt’s page lead back to the sign-in page', async () => {
    const { response } = await signIn(browser, 'claire.tremblay', 'wrong password!');
    const toggle = /class="lang-toggle" href="([^"]+)"/.exec(response.body)?.[1] ?? '';
    const page = await browser.follow(await browser.get(toggle.replaceAll('&amp;', '&')));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sign me in');
  });

  it('refuses a wrong password with the generic message and no code', async () => {
    const { response } = await signIn(browser, 'claire.tremblay', 'wrong password!');
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('Impossible de vous connecter');
    expect(response.headers.location).toBeUndefined();
  });

  it('records success and failure in the audit trail without the password', async () => {
    await signIn(browser, 'claire.tremblay', 'wrong password!');
    await signIn(
      new BrowserSession(t.app, t.config.publicUrl),
      'claire.tremblay',
      'rivière gelée 2026',
    );
    const events = await t.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
    expect(events.map((e) => [e.type, e.reason])).toEqual([
      ['sign_in.failed', 'bad_password'],
      ['sign_in.succeeded', 'password'],
    ]);
    expect(JSON.stringify(events)).not.toContain('rivière');
    expect(events[0]?.account_id).toBe(events[1]?.account_id);
  });
});

/**
 * Signing in to the administration console (issue 9 §1, ADR 0010), over HTTP on both backends:
 * the console is an OIDC client of Sesame that always asks two factors; an administrator lands
 * on the console after the password and the code; the state and the code are checked; a client,
 * a locked administrator or a session of one factor get nothing of the console.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { consoleUser, signInToConsole } from '../../test/console-kit.ts';
import { passwordStep } from '../../test/mfa-kit.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { lockAccount } from '../accounts/operations/lock-account.ts';

describe.each(testBackends())('signing in to the console (%s)', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    // MFA not required by the organization: the console asks two factors by itself.
    t = await buildTestApp(backend, {}, { orgMfaRequired: false });
  });
  afterEach(() => t.close());

  it('asks the password then the code, and lands on the page asked for', async () => {
    const admin = await consoleUser(t, 'ariane', 'admin');
    const first = await new BrowserSession(t.app, t.config.publicUrl).get('/admin/users?q=ari');
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/admin/sign-in?return=%2Fadmin%2Fusers%3Fq%3Dari');
    const { page } = await signInToConsole(t, admin, '/admin/users?q=ari');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Console d’administration');
    expect(page.body).toContain('>ariane</a>');
  });

  it('sends the authorization request of its own client, with PKCE and two factors asked', async () => {
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const start = await b.get('/admin/sign-in');
    const authorize = new URL(String(start.headers.location));
    expect(authorize.pathname).toBe('/oidc/auth');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: 'sesame-console',
      redirect_uri: `${t.config.publicUrl}/admin/callback`,
      code_challenge_method: 'S256',
      acr_values: 'urn:sesame:loa:2fa',
    });
    expect(authorize.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('refuses a callback whose state is not this browser’s (no sign-in forced on it)', async () => {
    const b = new BrowserSession(t.app, t.config.publicUrl);
    await b.get('/admin/sign-in');
    const forged = await b.get('/admin/callback?code=abc&state=not-the-state');
    expect(forged.statusCode).toBe(400);
    const none = await new BrowserSession(t.app, t.config.publicUrl).get(
      '/admin/callback?code=abc&state=abc',
    );
    expect(none.statusCode).toBe(400);
  });

  it('asks an administrator with no method yet to set one up first', async () => {
    const admin = await consoleUser(t, 'bruno', 'admin', { enroll: false });
    const { page } = await signInToConsole(t, admin);
    expect(page.body).toContain('authentification multifacteur');
    expect(page.body).toContain('Choisir');
  });

  it('refuses a client signed in with two factors: no role, no console', async () => {
    const client = await consoleUser(t, 'claire', null);
    const { page } = await signInToConsole(t, client);
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('Accès refusé');
  });

  it('sends a session of one factor to sign in again with two', async () => {
    const admin = await consoleUser(t, 'denis', 'admin');
    // Signed in to the Espace client with the password alone (MFA not required there).
    const b = new BrowserSession(t.app, t.config.publicUrl);
    await passwordStep(b, 'denis', admin.password);
    const page = await b.get('/admin/users');
    expect(page.statusCode).toBe(303);
    expect(String(page.headers.location)).toMatch(/^\/admin\/sign-in/);
  });

  it('refuses a locked administrator, even with a session already open', async () => {
    const admin = await consoleUser(t, 'emma', 'admin');
    const { browser } = await signInToConsole(t, admin);
    expect((await browser.get('/admin/users')).statusCode).toBe(200);
    await lockAccount({ db: t.db, now: () => t.clock.now }, cliActor, {
      accountId: admin.accountId,
    });
    const after = await browser.get('/admin/users');
    expect(after.statusCode).not.toBe(200);
  });
});

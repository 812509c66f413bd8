/**
 * The help desk acts on an account from the console (issue 9 §1), over HTTP on both backends:
 * each action is the account operation, done in full, with an audit record naming the console's
 * administrator as the actor; and the search finds accounts by username, email or name, taking
 * the text literally.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { type ConsoleUser, consoleUser, signInToConsole } from '../../test/console-kit.ts';
import { passwordStep } from '../../test/mfa-kit.ts';
import { newBrowser } from '../../test/sign-in-kit.ts';

describe.each(testBackends())('the help desk acts on an account (%s)', (backend) => {
  let t: TestApp;
  let desk: ConsoleUser;
  let console: BrowserSession;
  let client: ConsoleUser;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: false });
    desk = await consoleUser(t, 'soutien', 'helpdesk');
    console = (await signInToConsole(t, desk)).browser;
    client = await consoleUser(t, 'marie', null);
    await t.db
      .updateTable('accounts')
      .set({ email: 'marie.tremblay@example.ca', name: 'Marie Tremblay' })
      .where('id', '=', client.accountId)
      .execute();
  });
  afterEach(() => t.close());

  /** Press one of the account page's buttons, as the help desk does. */
  async function press(action: string, extra: Record<string, string> = {}) {
    const page = await console.get(`/admin/users/${client.accountId}`);
    expect(page.statusCode).toBe(200);
    const done = await console.post(`/admin/users/${client.accountId}/${action}`, {
      csrf: hiddenField(page.body, 'csrf'),
      ...extra,
    });
    expect(done.statusCode).toBe(303);
    return console.follow(done);
  }
  const account = () =>
    t.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', client.accountId)
      .executeTakeFirstOrThrow();
  const lastAudit = () =>
    t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('account_id', '=', client.accountId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();

  it('finds an account by username, email or name, in any case, the text taken literally', async () => {
    for (const text of ['MARIE', 'tremblay@example', 'marie tremblay']) {
      const page = await console.get(`/admin/users?q=${encodeURIComponent(text)}`);
      expect(page.body, text).toContain(`/admin/users/${client.accountId}`);
    }
    for (const text of ['%', '_arie', 'nobody']) {
      const page = await console.get(`/admin/users?q=${encodeURIComponent(text)}`);
      expect(page.body, text).not.toContain(`/admin/users/${client.accountId}`);
    }
  });

  it('locks the account: its sessions end, it signs in no more; then unlocks it', async () => {
    const signedIn = newBrowser(t);
    await passwordStep(signedIn, 'marie', client.password);
    const locked = await press('lock');
    expect(locked.body).toContain('Le compte est verrouillé');
    // The audit trail on the page names the administrator by username.
    expect(locked.body).toContain('admin:soutien');
    expect((await account()).locked).toBe(1);
    expect(await lastAudit()).toMatchObject({
      type: 'account.locked',
      actor: `admin:${desk.accountId}`,
    });
    const sessions = await t.db
      .selectFrom('oidc_models')
      .select('id')
      .where('account_id', '=', client.accountId)
      .where('model', '=', 'Session')
      .execute();
    expect(sessions).toEqual([]);
    await expect(passwordStep(newBrowser(t), 'marie', client.password)).rejects.toThrow(/refused/);
    await press('unlock');
    expect((await account()).locked).toBe(0);
    expect(await lastAudit()).toMatchObject({
      type: 'account.unlocked',
      actor: `admin:${desk.accountId}`,
    });
  });

  it('requires MFA for the account: its next sign-in sets it up', async () => {
    await press('reset-mfa');
    expect(await lastAudit()).toMatchObject({
      type: 'account.mfa_reset',
      actor: `admin:${desk.accountId}`,
    });
    const methods = await t.db
      .selectFrom('authenticators')
      .select('id')
      .where('account_id', '=', client.accountId)
      .execute();
    expect(methods).toEqual([]);
    const required = await press('require-mfa', { required: 'on' });
    expect(required.body).toContain('La MFA est désormais obligatoire');
    expect((await account()).mfa_required).toBe(1);
    expect(await lastAudit()).toMatchObject({
      type: 'account.mfa_requirement_changed',
      reason: 'on',
      actor: `admin:${desk.accountId}`,
    });
    // The next sign-in goes to enrollment, not to the application.
    const { location } = await passwordStep(newBrowser(t), 'marie', client.password);
    expect(location).toMatch(/^\/interaction\/[^/]+\/enroll$/);
  });

  it('ends every session of the account', async () => {
    const signedIn = newBrowser(t);
    await passwordStep(signedIn, 'marie', client.password);
    const done = await press('sign-out');
    expect(done.body).toContain('Toutes les sessions de ce compte ont pris fin');
    expect(await lastAudit()).toMatchObject({
      type: 'account.signed_out_everywhere',
      actor: `admin:${desk.accountId}`,
    });
    const records = await t.db
      .selectFrom('oidc_models')
      .select('id')
      .where('account_id', '=', client.accountId)
      .execute();
    expect(records).toEqual([]);
  });

  it('removes one method of the account, and only one of that account', async () => {
    const methodsOf = (accountId: string) =>
      t.db
        .selectFrom('authenticators')
        .select(['id', 'kind'])
        .where('account_id', '=', accountId)
        .execute();
    const [method] = await methodsOf(client.accountId);
    const [desksOwn] = await methodsOf(desk.accountId);
    const page = await console.get(`/admin/users/${client.accountId}`);
    const action = `/admin/users/${client.accountId}/methods/${method?.id}/remove`;
    expect(page.body).toContain(`action="${action}"`);
    // Another account's method, named under this account's page: not found, nothing removed.
    const csrf = hiddenField(page.body, 'csrf');
    const crossed = `/admin/users/${client.accountId}/methods/${desksOwn?.id}/remove`;
    expect((await console.post(crossed, { csrf })).statusCode).toBe(404);
    expect(await methodsOf(desk.accountId)).toHaveLength(1);

    const done = await console.follow(await console.post(action, { csrf }));
    expect(done.body).toContain('La méthode est retirée');
    expect(await methodsOf(client.accountId)).toEqual([]);
    expect(await lastAudit()).toMatchObject({
      type: 'authenticator.removed',
      reason: method?.kind,
      actor: `admin:${desk.accountId}`,
    });
    // Her last method gone and MFA required by the organization: the next sign-in enrolls again.
    await t.db
      .updateTable('accounts')
      .set({ mfa_required: 1 })
      .where('id', '=', client.accountId)
      .execute();
    const { location } = await passwordStep(newBrowser(t), 'marie', client.password);
    expect(location).toMatch(/^\/interaction\/[^/]+\/enroll$/);
  });

  it('says an unknown account is not found, and acts on nothing', async () => {
    const page = await console.get(`/admin/users/${client.accountId}`);
    const response = await console.post('/admin/users/no-such-account/lock', {
      csrf: hiddenField(page.body, 'csrf'),
    });
    expect(response.statusCode).toBe(404);
  });
});

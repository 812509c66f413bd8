/**
 * Deleting an account (issue 9, lifecycle), over HTTP on both backends: from the console
 * (administrators only, after a confirmation page), the admin API, SCIM; after it nothing in the
 * database names the account — every table walked for its id, username, email and name — while
 * its audit trail stays under a pseudonym, and a final `account.deleted` names the actor. Two
 * deletions racing, or a deletion racing sign-ins, leave no partial rows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tracesOf } from '../../test/account-traces.ts';
import { callApi, makeApiTokenInConsole } from '../../test/api-token-kit.ts';
import { type BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { type ConsoleUser, consoleUser, signInToConsole } from '../../test/console-kit.ts';
import { askForResetLink } from '../../test/mail-kit.ts';
import { passwordStep } from '../../test/mfa-kit.ts';
import { attempt, newBrowser } from '../../test/sign-in-kit.ts';
import { markEmailVerified } from '../mail/verified-email.ts';

const username = 'marie.tremblay-7731';
const email = 'Marie.Supprimee@Example.ca';
const name = 'Marie Tremblay-Supprimée';

describe.each(testBackends())('deleting an account (%s)', (backend) => {
  let t: TestApp;
  let chief: ConsoleUser;
  let console: BrowserSession;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: false });
    chief = await consoleUser(t, 'chef', 'admin');
    console = (await signInToConsole(t, chief)).browser;
  });
  afterEach(() => t.close());

  /**
   * An account that has lived: an authenticator app, a verified address, help-desk rights used on
   * another account, a console session, a failed password, a sign-in waiting at its second
   * factor, a reset link mailed to the outbox.
   */
  async function livedIn(): Promise<ConsoleUser> {
    const marie = await consoleUser(t, username, 'helpdesk');
    await t.db
      .updateTable('accounts')
      .set({ email, name })
      .where('id', '=', marie.accountId)
      .execute();
    await t.db
      .insertInto('account_identifiers')
      .values({ identifier: email.toLowerCase(), account_id: marie.accountId, kind: 'email' })
      .execute();
    await markEmailVerified(t.db, marie.accountId, t.clock.now);
    const other = await t.createUser({
      username: 'paul',
      password: 'boulevard Rosemont 88 Montréal',
    });
    const desk = (await signInToConsole(t, marie)).browser;
    const page = await desk.get(`/admin/users/${other}`);
    const locked = await desk.post(`/admin/users/${other}/lock`, {
      csrf: hiddenField(page.body, 'csrf'),
    });
    expect(locked.statusCode).toBe(303);
    expect((await attempt(t, username, 'pas le bon mot de passe')).statusCode).toBe(401);
    await passwordStep(newBrowser(t), username, marie.password);
    expect((await askForResetLink(newBrowser(t), email)).statusCode).toBeLessThan(400);
    // The reset link and the notices of its past are mailed (to the outbox) before it is deleted.
    for (let i = 0; i < 200 && !(await mailSettled()); i += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await mailSettled()).toBe(true);
    // It did leave traces everywhere.
    expect((await tracesOf(t.db, [marie.accountId])).length).toBeGreaterThan(10);
    return marie;
  }

  const mailSettled = async () => {
    const unsent = await t.db
      .selectFrom('notices')
      .select('id')
      .where('sent_at', 'is', null)
      .execute();
    const reset = await t.db
      .selectFrom('outbox_messages')
      .select('id')
      .where('subject', 'like', '%mot de passe%')
      .execute();
    return unsent.length === 0 && reset.length > 0;
  };

  async function expectGone(marie: ConsoleUser, actor: string, triedSince = false) {
    const traces = await tracesOf(t.db, [marie.accountId, username, email, name]);
    // A password tried for the name once it is free counts against the name typed, as for any
    // unknown name: not a trace of the account.
    const tried = `{"key":"identifier:${username}"`;
    expect(traces.filter((trace) => !(triedSince && trace.row.startsWith(tried)))).toEqual([]);
    const final = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('type', '=', 'account.deleted')
      .execute();
    expect(final).toHaveLength(1);
    expect(final[0]).toMatchObject({ actor });
    const pseudonym = String(final[0]?.account_id);
    expect(pseudonym).toMatch(/^deleted:/);
    // Its past stays, under the pseudonym, without IP or user agent.
    const past = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('account_id', '=', pseudonym)
      .where('type', '!=', 'account.deleted')
      .execute();
    expect(past.map((e) => e.type)).toEqual(
      expect.arrayContaining(['sign_in.succeeded', 'sign_in.failed', 'account.role_changed']),
    );
    expect(past.every((e) => e.ip === null && e.user_agent === null)).toBe(true);
    const acted = await t.db
      .selectFrom('audit_events')
      .select(['type', 'ip'])
      .where('actor', '=', `admin:${pseudonym}`)
      .execute();
    expect(acted).toEqual([{ type: 'account.locked', ip: null }]);
    // And it signs in no more.
    const again = await attempt(t, username, marie.password);
    expect(again.statusCode).toBe(401);
  }

  it('from the console: a confirmation page, then the account goes and nothing names it', async () => {
    const marie = await livedIn();
    const confirm = await console.get(`/admin/users/${marie.accountId}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Cette suppression est définitive');
    const done = await console.post(`/admin/users/${marie.accountId}/delete`, {
      csrf: hiddenField(confirm.body, 'csrf'),
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(`Le compte ${username} est supprimé`);
    expect((await console.get(`/admin/users/${marie.accountId}`)).statusCode).toBe(404);
    await expectGone(marie, `admin:${chief.accountId}`);
  });

  it('the help desk may not delete; an administrator does not delete themself', async () => {
    const desk = await consoleUser(t, 'soutien', 'helpdesk');
    const deskConsole = (await signInToConsole(t, desk)).browser;
    const target = await t.createUser({ username: 'cible', password: 'rue Ontario 1200 Montréal' });
    const userPage = await deskConsole.get(`/admin/users/${target}`);
    expect(userPage.body).not.toContain('/delete');
    expect((await deskConsole.get(`/admin/users/${target}/delete`)).statusCode).toBe(403);
    const refused = await deskConsole.post(`/admin/users/${target}/delete`, {
      csrf: hiddenField(userPage.body, 'csrf'),
    });
    expect(refused.statusCode).toBe(403);
    const own = await console.get(`/admin/users/${chief.accountId}/delete`);
    expect(own.body).toContain('votre propre compte');
    const self = await console.post(`/admin/users/${chief.accountId}/delete`, {
      csrf: hiddenField(own.body, 'csrf'),
    });
    expect(self.statusCode).toBe(403);
    const accounts = await t.db.selectFrom('accounts').select('id').execute();
    expect(accounts.map((a) => a.id)).toEqual(expect.arrayContaining([target, chief.accountId]));
  });

  it('through the admin API: DELETE /admin/api/users/:id (users:manage), 204 then 404', async () => {
    const marie = await livedIn();
    const reader = await makeApiTokenInConsole(t, console, ['users:read']);
    const manager = await makeApiTokenInConsole(t, console, ['users:manage']);
    const url = `/admin/api/users/${marie.accountId}`;
    expect((await callApi(t, reader, 'DELETE', url)).statusCode).toBe(403);
    const deleted = await callApi(t, manager, 'DELETE', url);
    expect(deleted.statusCode).toBe(204);
    expect((await callApi(t, manager, 'DELETE', url)).statusCode).toBe(404);
    const tokenId = (
      await t.db
        .selectFrom('api_tokens')
        .select('id')
        .where('scopes', '=', 'users:manage')
        .executeTakeFirstOrThrow()
    ).id;
    await expectGone(marie, `api:${tokenId}`);
  });

  it('through SCIM: DELETE /scim/v2/Users/:id, 204, then the user is not found', async () => {
    const marie = await livedIn();
    const token = await makeApiTokenInConsole(t, console, ['users:read', 'users:manage']);
    const url = `/scim/v2/Users/${marie.accountId}`;
    const deleted = await callApi(t, token, 'DELETE', url);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await callApi(t, token, 'GET', url)).statusCode).toBe(404);
    expect((await callApi(t, token, 'DELETE', url)).statusCode).toBe(404);
    const tokenId = (await t.db.selectFrom('api_tokens').select('id').executeTakeFirstOrThrow()).id;
    await expectGone(marie, `api:${tokenId}`);
  });

  it('parallel deletions and sign-ins racing one: one deletion, no partial rows', async () => {
    const marie = await livedIn();
    const token = await makeApiTokenInConsole(t, console, ['users:manage']);
    const url = `/admin/api/users/${marie.accountId}`;
    const [outcomes] = await Promise.all([
      Promise.all([1, 2, 3].map(() => callApi(t, token, 'DELETE', url))),
      ...[1, 2, 3].map(() => attempt(t, username, marie.password).catch(() => undefined)),
      passwordStep(newBrowser(t), username, marie.password).catch(() => undefined),
    ]);
    expect(outcomes.map((o) => o.statusCode).sort()).toEqual([204, 404, 404]);
    const tokenId = (await t.db.selectFrom('api_tokens').select('id').executeTakeFirstOrThrow()).id;
    await expectGone(marie, `api:${tokenId}`, true);
  });
});

/**
 * « Groupes » and « Politique MFA » in the console, over HTTP on both backends: an administrator
 * makes a group, adds and removes members by username, renames and deletes it, and sets the
 * policy — each change audited with the administrator as its actor; the help desk sees neither
 * page (403), and its forms are refused (the route walk, console.every-route-guarded.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { type ConsoleUser, consoleUser, signInToConsole } from '../../test/console-kit.ts';
import { passwordStep } from '../../test/mfa-kit.ts';
import { newBrowser } from '../../test/sign-in-kit.ts';
import { readMfaPolicy } from '../policy/mfa-policy-settings.ts';

describe.each(testBackends())('groups and the MFA policy in the console (%s)', (backend) => {
  let t: TestApp;
  let admin: ConsoleUser;
  let browser: BrowserSession;
  let nadia: string;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: false });
    admin = await consoleUser(t, 'chef', 'admin');
    browser = (await signInToConsole(t, admin)).browser;
    nadia = await t.createUser({ username: 'nadia', password: 'rue Ontario 2121 Montréal' });
  });
  afterEach(() => t.close());

  /** Post a form of the page at `pagePath`, with its token, and follow the answer. */
  async function submit(pagePath: string, action: string, form: Record<string, string | string[]>) {
    const page = await browser.get(pagePath);
    expect(page.statusCode, pagePath).toBe(200);
    const body = new URLSearchParams();
    body.set('csrf', hiddenField(page.body, 'csrf'));
    for (const [name, value] of Object.entries(form))
      for (const one of [value].flat()) body.append(name, one);
    const response = await browser.request('POST', action, body.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.statusCode, `${action}: ${response.body.slice(0, 200)}`).toBe(303);
    return browser.follow(response);
  }
  const audit = () =>
    t.db
      .selectFrom('audit_events')
      .select(['type', 'actor', 'account_id', 'reason'])
      .where((eb) =>
        eb.or([eb('type', 'like', 'group.%'), eb('type', '=', 'org.mfa_policy_changed')]),
      )
      .orderBy('id')
      .execute();
  const groupId = async () =>
    (await t.db.selectFrom('groups').select('id').executeTakeFirstOrThrow()).id;

  it('makes a group, adds and removes a member, renames and deletes it, each audited', async () => {
    const made = await submit('/admin/groups', '/admin/groups', {
      name: 'Comptabilité',
      description: 'Le service des comptes',
    });
    expect(made.body).toContain('Le groupe est enregistré.');
    const id = await groupId();
    const path = `/admin/groups/${id}`;
    const added = await submit(path, `${path}/members`, { username: 'NADIA' });
    expect(added.body).toContain('Le compte est ajouté au groupe.');
    expect(added.body).toContain(`/admin/users/${nadia}`);
    const unknown = await submit(path, `${path}/members`, { username: 'personne' });
    expect(unknown.body).toContain('Aucun compte ne porte ce nom d’utilisateur.');
    expect((await browser.get('/admin/groups')).body).toContain('Comptabilité');
    await submit(path, `${path}/members/${nadia}/remove`, {});
    await submit(path, path, { name: 'Finances', description: '' });
    // A name already taken, in another case, is refused.
    const other = await submit('/admin/groups', '/admin/groups', { name: 'Paie' });
    expect(other.body).toContain('Paie');
    const page = await browser.get('/admin/groups');
    const clash = await browser.post('/admin/groups', {
      csrf: hiddenField(page.body, 'csrf'),
      name: 'FINANCES',
    });
    expect(clash.statusCode).toBe(409);
    await submit(path, `${path}/delete`, {});
    expect((await browser.get(path)).statusCode).toBe(303);
    const actor = `admin:${admin.accountId}`;
    expect(await audit()).toEqual([
      { type: 'group.created', actor, account_id: null, reason: 'Comptabilité' },
      { type: 'group.member_added', actor, account_id: nadia, reason: 'Comptabilité' },
      { type: 'group.member_removed', actor, account_id: nadia, reason: 'Comptabilité' },
      { type: 'group.renamed', actor, account_id: null, reason: 'Comptabilité → Finances' },
      { type: 'group.created', actor, account_id: null, reason: 'Paie' },
      { type: 'group.deleted', actor, account_id: null, reason: 'Finances' },
    ]);
  });

  it('sets the policy: MFA for a chosen group, a method not allowed, a grace; its member enrolls', async () => {
    await submit('/admin/groups', '/admin/groups', { name: 'Direction' });
    const id = await groupId();
    await submit(`/admin/groups/${id}`, `/admin/groups/${id}/members`, { username: 'nadia' });
    const saved = await submit('/admin/policy', '/admin/policy', {
      appliesTo: 'groups',
      groups: [id],
      'method:totp': 'not_allowed',
      'method:passkey': 'required',
      graceDays: '5',
    });
    expect(saved.body).toContain('La politique MFA est enregistrée.');
    expect(await readMfaPolicy(t.db)).toEqual({
      appliesTo: 'groups',
      methods: { totp: 'not_allowed', passkey: 'required' },
      graceDays: 5,
    });
    expect(saved.body).toMatch(/value="groups"[^>]*checked/);
    const policyAudit = (await audit()).filter((e) => e.type === 'org.mfa_policy_changed');
    expect(policyAudit).toEqual([
      {
        type: 'org.mfa_policy_changed',
        actor: `admin:${admin.accountId}`,
        account_id: null,
        reason: 'groups; totp=not_allowed; passkey=required; grace=5d',
      },
    ]);
    // The member's next sign-in enrolls (with five days of grace); the console reflects it.
    const { location } = await passwordStep(newBrowser(t), 'nadia', 'rue Ontario 2121 Montréal');
    expect(location).toMatch(/\/interaction\//);
    const userPage = (await browser.get(`/admin/users/${nadia}`)).body;
    expect(userPage).not.toContain('non obligatoire');
    expect(userPage).toContain('obligatoire pour un de ses groupes');
  });

  it('refuses a rule that a method cannot have, and a grace out of range', async () => {
    const page = await browser.get('/admin/policy');
    const csrf = hiddenField(page.body, 'csrf');
    const forms: Record<string, string>[] = [
      { appliesTo: 'everyone', graceDays: '0', 'method:email-code': 'required' },
      { appliesTo: 'everyone', graceDays: '400' },
      { appliesTo: 'somebody', graceDays: '0' },
      { appliesTo: 'everyone', graceDays: '0', 'method:unknown': 'optional' },
    ];
    for (const form of forms) {
      const response = await browser.post('/admin/policy', { csrf, ...form });
      expect(response.statusCode, JSON.stringify(form)).toBe(400);
    }
    expect(await readMfaPolicy(t.db)).toEqual({ appliesTo: 'nobody', methods: {}, graceDays: 0 });
  });

  it('is closed to the help desk', async () => {
    const desk = await consoleUser(t, 'soutien', 'helpdesk');
    const deskBrowser = (await signInToConsole(t, desk)).browser;
    for (const path of ['/admin/groups', '/admin/policy'])
      expect((await deskBrowser.get(path)).statusCode, path).toBe(403);
    expect((await deskBrowser.get('/admin/users')).body).not.toContain('/admin/groups');
    expect((await browser.get('/admin/users')).body).toContain('/admin/groups');
  });
});

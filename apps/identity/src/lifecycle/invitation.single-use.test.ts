/**
 * Invitations (issue 9, lifecycle), over HTTP with a real SMTP server, on both backends: the
 * console's « Inviter par courriel », the admin API and the CLI make an account without a
 * password; its mailed link sets one once (the policy applied), verifies the address, then the
 * sign-in goes to enrollment (MFA required); the link used again, replaced by a newer invitation
 * or older than 7 days is refused, saying which; the invited account signs in with no password.
 */
import { describe, expect, it } from 'vitest';
import { callApi, makeApiTokenInConsole } from '../../test/api-token-kit.ts';
import { BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { testBackends } from '../../test/build-test-app.ts';
import { consoleUser, signInToConsole } from '../../test/console-kit.ts';
import { mailedLinkPath, mailingSuite } from '../../test/mail-kit.ts';
import { passwordStep } from '../../test/mfa-kit.ts';
import { attempt } from '../../test/sign-in-kit.ts';

const chosen = 'chemin de la Côte-Sainte-Catherine 3200';
const invited = (m: { subject: string }) => m.subject === 'Vous êtes invité dans Sesame';

describe.each(testBackends())('invitations (%s)', (backend) => {
  const suite = mailingSuite(backend, {}, { orgMfaRequired: true });
  const browser = () => new BrowserSession(suite.t.app, suite.t.config.publicUrl);

  async function accept(path: string, password: string) {
    const b = browser();
    const page = await b.get(path);
    if (page.statusCode !== 200) return page;
    return b.post('/invitation', {
      csrf: hiddenField(page.body, 'csrf'),
      token: hiddenField(page.body, 'token'),
      password,
    });
  }

  async function deskConsole() {
    const desk = await consoleUser(suite.t, 'soutien', 'helpdesk');
    return (await signInToConsole(suite.t, desk)).browser;
  }

  it('from the console: the link sets the password once, verifies the address, then enrollment', async () => {
    const { t, smtp } = suite;
    const console = await deskConsole();
    const form = await console.get('/admin/users/new');
    expect(form.body).toContain('Inviter par courriel');
    const made = await console.post('/admin/users/new', {
      csrf: hiddenField(form.body, 'csrf'),
      username: 'lea',
      name: 'Léa Gagnon',
      email: 'lea@example.ca',
      mode: 'invite',
    });
    expect(made.statusCode).toBe(200);
    expect(made.body).toContain('Une invitation a été envoyée à lea@example.ca');
    expect(made.body).not.toContain('temporary-password');
    const account = await t.db
      .selectFrom('accounts')
      .selectAll()
      .where('username', '=', 'lea')
      .executeTakeFirstOrThrow();
    expect(account.email_verified_at).toBeNull();
    // No password signs in before the invitation is accepted.
    expect((await attempt(t, 'lea', '')).statusCode).toBe(401);
    expect((await attempt(t, 'lea', '!no-password')).statusCode).toBe(401);
    const mail = await smtp.waitFor('lea@example.ca', invited);
    expect(mail.text).toContain('Bonjour Léa Gagnon');
    expect(mail.text).toContain("d'ici 7 jours");
    const path = await mailedLinkPath(smtp, 'lea@example.ca', invited);
    expect(path).toMatch(/^\/invitation\?token=[\w-]{43}$/);
    // Only the token's hash is stored.
    const token = new URL(path, 'http://x').searchParams.get('token') ?? '';
    expect(
      JSON.stringify(await t.db.selectFrom('email_tokens').selectAll().execute()),
    ).not.toContain(token);
    const page = await browser().get(path);
    expect(page.body).toContain('Vous êtes invité à utiliser le compte lea');
    const forged = await browser().post('/invitation', { csrf: 'forged', token, password: chosen });
    expect(forged.statusCode).toBe(403);
    const weak = await accept(path, 'lea');
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('alert error');
    const done = await accept(path, chosen);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Votre mot de passe est enregistré');
    expect(done.body).toContain('Me connecter');
    const after = await t.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(after.email_verified_at).not.toBeNull();
    const trail = await t.db
      .selectFrom('audit_events')
      .select(['type', 'actor', 'reason'])
      .where('account_id', '=', account.id)
      .orderBy('id')
      .execute();
    expect(trail.map((e) => e.type)).toEqual(
      expect.arrayContaining(['account.created', 'account.invited', 'account.invitation_accepted']),
    );
    expect(trail.find((e) => e.type === 'account.invited')?.actor).toMatch(/^admin:/);
    expect(trail.find((e) => e.type === 'account.invitation_accepted')?.actor).toBe(
      `user:${account.id}`,
    );
    // Used once: refused, saying so.
    const again = await accept(path, 'une autre phrase de passe 2027');
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Cette invitation a déjà servi');
    // The sign-in with the chosen password goes on to enrollment (MFA required).
    const { location } = await passwordStep(browser(), 'lea', chosen);
    expect(location).toMatch(/^\/interaction\/[^/]+\/enroll$/);
  });

  it('through the API; a new invitation replaces the link; a link older than 7 days is refused', async () => {
    const { t, smtp } = suite;
    const admin = await consoleUser(t, 'chef', 'admin');
    const console = (await signInToConsole(t, admin)).browser;
    const token = await makeApiTokenInConsole(t, console, ['users:read', 'users:manage']);
    const refused = await callApi(t, token, 'POST', '/admin/api/users', {
      username: 'marc',
      invite: true,
    });
    expect(refused.statusCode).toBe(400);
    const made = await callApi(t, token, 'POST', '/admin/api/users', {
      username: 'marc',
      email: 'marc@example.ca',
      invite: true,
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).not.toHaveProperty('password');
    const id = made.json().user.id as string;
    const first = await mailedLinkPath(smtp, 'marc@example.ca', invited);
    smtp.received.length = 0;
    // The console's « Renvoyer l'invitation », shown while it is pending.
    const userPage = await console.get(`/admin/users/${id}`);
    expect(userPage.body).toContain('Renvoyer l’invitation');
    const resent = await console.post(`/admin/users/${id}/invitation`, {
      csrf: hiddenField(userPage.body, 'csrf'),
    });
    expect(resent.statusCode).toBe(303);
    const second = await mailedLinkPath(smtp, 'marc@example.ca', invited);
    expect(second).not.toBe(first);
    const old = await accept(first, chosen);
    expect(old.statusCode).toBe(410);
    expect(old.body).toContain('remplacée par une plus récente');
    smtp.received.length = 0;
    expect((await callApi(t, token, 'POST', `/admin/api/users/${id}/invitation`)).statusCode).toBe(
      200,
    );
    const third = await mailedLinkPath(smtp, 'marc@example.ca', invited);
    t.clock.advance(7 * 86_400 + 1);
    const late = await accept(third, chosen);
    expect(late.statusCode).toBe(410);
    expect(late.body).toContain('Cette invitation a expiré');
    const reasons = await t.db
      .selectFrom('audit_events')
      .select('reason')
      .where('type', '=', 'account.invited')
      .where('account_id', '=', id)
      .orderBy('id')
      .execute();
    expect(reasons.map((r) => r.reason)).toEqual(['sent', 'resent', 'resent']);
    // Once accepted, there is nothing to send again.
    smtp.received.length = 0;
    expect((await callApi(t, token, 'POST', `/admin/api/users/${id}/invitation`)).statusCode).toBe(
      200,
    );
    expect(
      (await accept(await mailedLinkPath(smtp, 'marc@example.ca', invited), chosen)).statusCode,
    ).toBe(200);
    const after = await callApi(t, token, 'POST', `/admin/api/users/${id}/invitation`);
    expect(after.statusCode).toBe(409);
  });
});

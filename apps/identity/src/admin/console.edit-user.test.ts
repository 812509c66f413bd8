/**
 * The help desk edits a client's name and address in the console (issue 9 §1), over HTTP on both
 * backends with a real SMTP server: the old, proved address is told of the change (G-24) and the
 * new one is sent its verification link and nothing else; the client signs in with the new
 * address and no longer with the old one; a reset link mailed to the old address stops working;
 * an address another account signs in with, or a malformed one, is refused and nothing changes.
 */
import { describe, expect, it } from 'vitest';
import { type BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { testBackends } from '../../test/build-test-app.ts';
import { consoleUser, signInToConsole } from '../../test/console-kit.ts';
import {
  askForResetLink,
  createVerifiedUser,
  mailedLinkPath,
  mailingSuite,
  setPasswordByLink,
} from '../../test/mail-kit.ts';
import { passwordStep } from '../../test/mfa-kit.ts';
import { newBrowser } from '../../test/sign-in-kit.ts';

const password = 'boulevard René-Lévesque 1000 Québec';

describe.each(testBackends())('the help desk edits a client’s name and address (%s)', (backend) => {
  const suite = mailingSuite(backend, {}, { orgMfaRequired: false });
  const oldEmail = `lucie.${backend}@example.ca`;
  const newEmail = `lucie.gagnon.${backend}@exemple.qc.ca`;

  async function setUp() {
    const { t } = suite;
    const accountId = await createVerifiedUser(t, {
      username: 'lucie',
      name: 'Lucie Gagon',
      password,
      email: oldEmail,
    });
    const desk = (await signInToConsole(t, await consoleUser(t, 'soutien', 'helpdesk'))).browser;
    return { t, accountId, desk };
  }
  async function edit(desk: BrowserSession, accountId: string, form: Record<string, string>) {
    const page = await desk.get(`/admin/users/${accountId}/edit`);
    expect(page.statusCode).toBe(200);
    return desk.post(`/admin/users/${accountId}/edit`, {
      csrf: hiddenField(page.body, 'csrf'),
      ...form,
    });
  }
  const accountOf = (accountId: string) =>
    suite.t.db
      .selectFrom('accounts')
      .select(['name', 'email', 'email_verified_at'])
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();

  it('changes both: the old address told, the new one sent its link, sign-in by the new one', async () => {
    const { t, accountId, desk } = await setUp();
    // A reset link reaches the old address before the change.
    await askForResetLink(newBrowser(t), oldEmail);
    const resetPath = await mailedLinkPath(suite.smtp, oldEmail, (m) => m.subject.includes('Réin'));

    const done = await edit(desk, accountId, { name: 'Lucie Gagnon', email: newEmail });
    expect(done.statusCode).toBe(303);
    const page = await desk.follow(done);
    expect(page.body).toContain('Un lien a été envoyé à la nouvelle adresse');
    expect(await accountOf(accountId)).toEqual({
      name: 'Lucie Gagnon',
      email: newEmail,
      email_verified_at: null,
    });
    const told = await suite.smtp.waitFor(oldEmail, (m) => m.subject.includes('changée'));
    expect(told.subject).toBe("L'adresse courriel de votre compte a été changée");
    expect(told.text).toContain('Bonjour Lucie Gagnon,');
    expect(told.text).not.toContain(newEmail);
    const link = await suite.smtp.waitFor(newEmail, (m) => m.subject.includes('Confirmez'));
    expect(link.text).toContain('/email/verify');
    expect(suite.smtp.received.filter((m) => m.to.includes(newEmail))).toHaveLength(1);

    // The address is a sign-in identifier: the new one signs in, the old one no longer does.
    await expect(passwordStep(newBrowser(t), newEmail, password)).resolves.toBeDefined();
    await expect(passwordStep(newBrowser(t), oldEmail, password)).rejects.toThrow();
    // The link sent to the old address before the change no longer sets a password.
    const late = await setPasswordByLink(
      newBrowser(t),
      resetPath,
      'un tout nouveau mot de passe 2026',
    );
    expect(late.statusCode).toBe(400);
    await expect(passwordStep(newBrowser(t), 'lucie', password)).resolves.toBeDefined();

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['type', 'actor'])
      .where('account_id', '=', accountId)
      .where('actor', 'like', 'admin:%')
      .orderBy('id')
      .execute();
    expect(audit.map((e) => e.type)).toEqual(['account.email_changed', 'account.renamed']);
  });

  it('sends an invited client’s invitation to the new address, the old link ended', async () => {
    const { t, desk } = await setUp();
    const form = await desk.get('/admin/users/new');
    const made = await desk.post('/admin/users/new', {
      csrf: hiddenField(form.body, 'csrf'),
      username: 'paul',
      name: 'Paul Roy',
      email: 'paul@example.ca',
      mode: 'invite',
    });
    expect(made.statusCode).toBe(200);
    const first = await mailedLinkPath(suite.smtp, 'paul@example.ca', (m) =>
      m.subject.includes('invité'),
    );
    const { id } = await t.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'paul')
      .executeTakeFirstOrThrow();
    expect(
      (await edit(desk, id, { name: 'Paul Roy', email: 'paul.roy@example.ca' })).statusCode,
    ).toBe(303);
    const second = await mailedLinkPath(suite.smtp, 'paul.roy@example.ca', (m) =>
      m.subject.includes('invité'),
    );
    expect(second).not.toBe(first);
    // The link sent to the old address no longer opens the invitation's form; the new one does.
    expect((await newBrowser(t).get(first)).body).not.toContain('name="password"');
    expect((await newBrowser(t).get(second)).body).toContain('name="password"');
  });

  it('refuses an address another account signs in with, or a malformed one; nothing changes', async () => {
    const { t, accountId, desk } = await setUp();
    await t.createUser({ username: 'marc', password, email: newEmail });
    for (const email of [newEmail, newEmail.toUpperCase(), 'marc', 'pas une adresse']) {
      const refused = await edit(desk, accountId, { name: 'Lucie Gagnon', email });
      expect(refused.statusCode, email).toBe(400);
      expect(refused.body, email).toMatch(/Un autre compte se connecte déjà|n’est pas valide/);
    }
    expect(await accountOf(accountId)).toMatchObject({ name: 'Lucie Gagon', email: oldEmail });
    const empty = await edit(desk, accountId, { name: '  ', email: oldEmail });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Le nom ne peut pas être vide');
    // Only the name, the same address: no mail, the address stays proved.
    const sent = suite.smtp.received.length;
    expect(
      (await edit(desk, accountId, { name: 'Lucie Gagnon', email: oldEmail })).statusCode,
    ).toBe(303);
    expect((await accountOf(accountId)).email_verified_at).not.toBeNull();
    expect(suite.smtp.received).toHaveLength(sent);
  });
});

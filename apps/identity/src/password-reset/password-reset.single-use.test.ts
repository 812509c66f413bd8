/**
 * G-19, issue 8 §6: « Mot de passe oublié ? » mails a link (received by a real SMTP server) that
 * sets a new password once — of two parallel posts one wins —, only within 30 minutes, only the
 * latest one asked for, only for the account it was sent for; a password the policy refuses
 * leaves the link usable. The sign-in page offers it.
 */
import { describe, expect, it } from 'vitest';
import { BrowserSession, openSignIn } from '../../test/browser-session.ts';
import { testBackends } from '../../test/build-test-app.ts';
import {
  askForResetLink,
  createVerifiedUser,
  mailedLinkPath,
  mailingSuite,
  setPasswordByLink,
} from '../../test/mail-kit.ts';
import { passwordStep } from '../../test/mfa-kit.ts';
import { auditEvents } from '../../test/sign-in-kit.ts';

const oldPassword = 'rue du Petit-Champlain 1685 Québec';
const newPassword = 'traversier de Lévis 1812 brume';

describe.each(testBackends())('password reset links are single use (G-19) (%s)', (backend) => {
  const suite = mailingSuite(backend);
  const email = `ines.${backend}@example.ca`;
  const browser = () => new BrowserSession(suite.t.app, suite.t.config.publicUrl);
  const subject = (m: { subject: string }) => m.subject === 'Réinitialisez votre mot de passe';

  async function resetLink(identifier = 'ines') {
    suite.smtp.received.length = 0;
    expect((await askForResetLink(browser(), identifier)).statusCode).toBe(200);
    return mailedLinkPath(suite.smtp, email, subject);
  }

  it('the sign-in page leads to it; its link sets the password once, and says how to sign in', async () => {
    const { t } = suite;
    await createVerifiedUser(t, { username: 'ines', password: oldPassword, email });
    const signIn = await openSignIn(browser());
    expect(signIn.page.body).toContain(
      '<a href="/password/forgot?client=espace-client">Mot de passe oublié ?</a>',
    );
    const path = await resetLink();
    expect(path).toMatch(/^\/password\/reset\?token=[\w-]{43}&client=espace-client$/);
    const page = await browser().get(path);
    expect(page.body).toContain('Choisissez le nouveau mot de passe du compte ines.');
    const done = await setPasswordByLink(browser(), path, newPassword);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Votre mot de passe a été changé');
    expect(done.body).toContain('<a href="http://localhost:3001/login">Me connecter</a>');
    // The new password signs in; the old one no longer does.
    await expect(passwordStep(browser(), 'ines', newPassword)).resolves.toBeDefined();
    await expect(passwordStep(browser(), 'ines', oldPassword)).rejects.toThrow('refused');
    const again = await setPasswordByLink(browser(), path, 'une autre phrase de passe 2027');
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Ce lien ne fonctionne plus');
    // Only the token's hash is stored.
    const token = new URL(path, 'http://x').searchParams.get('token') ?? '';
    const rows = await t.db.selectFrom('email_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('two posts of one link at once: one sets its password, the other is refused', async () => {
    const { t } = suite;
    await createVerifiedUser(t, { username: 'ines', password: oldPassword, email });
    const path = await resetLink();
    const candidates = [newPassword, 'chute Montmorency 1759 vapeur'];
    const results = await Promise.all(
      candidates.map((password) => setPasswordByLink(browser(), path, password)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const winner = candidates[results.findIndex((r) => r.statusCode === 200)] ?? '';
    await expect(passwordStep(browser(), 'ines', winner)).resolves.toBeDefined();
    const resets = (await auditEvents(t)).filter((e) => e.type === 'account.password_reset');
    expect(resets).toHaveLength(1);
  });

  it('refuses a link past 30 minutes, an earlier link, and keeps it through a refused password', async () => {
    const { t } = suite;
    await createVerifiedUser(t, { username: 'ines', password: oldPassword, email });
    const first = await resetLink();
    const second = await resetLink(`INES.${backend.toUpperCase()}@example.ca`);
    expect((await setPasswordByLink(browser(), first, newPassword)).statusCode).toBe(400);
    const weak = await setPasswordByLink(browser(), second, 'ines');
    expect(weak.statusCode).toBe(400);
    // Without MFA required, the policy asks 15 characters at least (NIST 800-63B-4).
    expect(weak.body).toContain('au moins 15 caractères');
    t.clock.advance(30 * 60 + 1);
    const late = await setPasswordByLink(browser(), second, newPassword);
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('Demander un nouveau lien');
    await expect(passwordStep(browser(), 'ines', oldPassword)).resolves.toBeDefined();
  });

  it('sets the password of the account it was sent for, and of no other', async () => {
    const { t } = suite;
    await createVerifiedUser(t, { username: 'ines', password: oldPassword, email });
    const other = `noe.${backend}@example.ca`;
    await createVerifiedUser(t, { username: 'noe', password: oldPassword, email: other });
    const path = await resetLink();
    const hashes = async () =>
      t.db
        .selectFrom('accounts')
        .select(['username', 'password_hash'])
        .orderBy('username')
        .execute();
    const before = await hashes();
    expect((await setPasswordByLink(browser(), path, newPassword)).statusCode).toBe(200);
    const after = await hashes();
    expect(after[0]?.password_hash).not.toBe(before[0]?.password_hash);
    expect(after[1]).toEqual(before[1]);
  });
});

/**
 * G-19: a password reset never removes MFA nor signs anyone in. After a reset by the mailed
 * link, the account keeps its methods; the page signs no one in (no session, no redirect to the
 * application); every session, grant, token and sign-in in progress of the account has ended; a
 * sign-in with the new password still asks the second factor; and the account is told by mail.
 */
import { describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import { testBackends } from '../../test/build-test-app.ts';
import {
  askForResetLink,
  createVerifiedUser,
  mailedLinkPath,
  mailingSuite,
  setPasswordByLink,
} from '../../test/mail-kit.ts';
import { atSecondFactor, enrollAccount, submitCode } from '../../test/mfa-kit.ts';
import { gotCode } from '../../test/sign-in-kit.ts';
import { generateTotpCode } from '../factors/totp/totp-code.ts';

const oldPassword = 'rue du Petit-Champlain 1685 Québec';
const newPassword = 'traversier de Lévis 1812 brume';

describe.each(testBackends())('a password reset keeps MFA (G-19) (%s)', (backend) => {
  const suite = mailingSuite(backend, {}, { orgMfaRequired: true });
  const email = `ines.${backend}@example.ca`;

  it('keeps the methods, signs no one in, ends the sessions, and asks the second factor', async () => {
    const { t, smtp } = suite;
    const accountId = await createVerifiedUser(t, {
      username: 'ines',
      password: oldPassword,
      email,
    });
    const secret = await enrollAccount(t, 'ines', oldPassword);
    const methods = () =>
      t.db
        .selectFrom('authenticators')
        .select(['id', 'status'])
        .where('account_id', '=', accountId)
        .execute();
    const before = await methods();
    expect(before).toHaveLength(1);
    const sessions = () =>
      t.db.selectFrom('oidc_models').select('model').where('account_id', '=', accountId).execute();
    expect((await sessions()).length).toBeGreaterThan(0);
    // A sign-in waiting at its second factor, started before the reset.
    const waiting = await atSecondFactor(t, 'ines', oldPassword);

    const b = new BrowserSession(t.app, t.config.publicUrl);
    await askForResetLink(b, 'ines');
    const path = await mailedLinkPath(smtp, email, (m) => m.subject.startsWith('Réinitialisez'));
    const done = await setPasswordByLink(b, path, newPassword);
    expect(done.statusCode).toBe(200);
    // Nothing signs in: no session cookie of the provider, no redirect to the application.
    expect(JSON.stringify(done.cookies)).not.toMatch(/_session/);
    expect(done.headers.location).toBeUndefined();
    expect(await methods()).toEqual(before);
    expect(await sessions()).toEqual([]);
    // The sign-in that was waiting is over: its page has expired.
    expect((await waiting.b.get(`${waiting.base}/verify`)).statusCode).toBe(400);

    // The new password leads to the second factor, which still decides.
    const { b: next, base } = await atSecondFactor(t, 'ines', newPassword);
    const page = await next.follow(await next.get(base));
    expect(page.body).toContain('name="code"');
    t.clock.advance(30);
    const { response } = await submitCode(next, base, generateTotpCode(secret, t.clock.now));
    expect(gotCode(await next.follow(response))).toBe(true);

    const notice = await smtp.waitFor(
      email,
      (m) => m.subject === 'Votre mot de passe a été réinitialisé',
    );
    expect(notice.text).toContain('vos méthodes de vérification sont inchangées');
    expect(notice.text).not.toContain(newPassword);
  });
});

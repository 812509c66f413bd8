/**
 * G-19 on the help desk's side: the two ways an administrator lets a client in without the method
 * the client had — a temporary access code, and resetting every method — are each mailed to the
 * client's verified address (by a real SMTP server's reckoning), in the client's language, and
 * the mail never carries the code itself. A code the help desk gave by telephone to someone
 * pretending to be the client is thus seen by the client.
 */
import { describe, expect, it } from 'vitest';
import { hiddenField } from '../../test/browser-session.ts';
import { testBackends } from '../../test/build-test-app.ts';
import { consoleUser, signInToConsole } from '../../test/console-kit.ts';
import { createVerifiedUser, mailingSuite } from '../../test/mail-kit.ts';
import { enrollAccount } from '../../test/mfa-kit.ts';

const password = 'rue Saint-Denis 1875 Montréal';

describe.each(testBackends())('the help desk’s ways in are never silent (G-19) (%s)', (backend) => {
  const suite = mailingSuite(backend, {}, { orgMfaRequired: true });

  async function deskAndClient(locale: 'fr' | 'en') {
    const { t } = suite;
    const email = `lucie.${locale}.${backend}@example.ca`;
    const accountId = await createVerifiedUser(t, {
      username: 'lucie',
      name: 'Lucie Gagnon',
      password,
      email,
      locale,
    });
    await enrollAccount(t, 'lucie', password);
    const desk = (await signInToConsole(t, await consoleUser(t, 'soutien', 'helpdesk'))).browser;
    /** One of the account page's forms, with the page's own token. */
    const press = async (path: string) => {
      const page = await desk.get(`/admin/users/${accountId}`);
      return desk.post(`/admin/users/${accountId}/${path}`, {
        csrf: hiddenField(page.body, 'csrf'),
      });
    };
    return { email, press };
  }

  it('a temporary access code is mailed to the client, without the code', async () => {
    const { email, press } = await deskAndClient('fr');
    const issued = await press('access-code');
    expect(issued.statusCode).toBe(200);
    const code = /data-testid="access-code">([A-Z2-7-]+)</.exec(issued.body)?.[1];
    expect(code).toBeDefined();
    const mail = await suite.smtp.waitFor(email, (m) => m.subject.includes('temporaire'));
    expect(mail.subject).toBe("Un code d'accès temporaire a été créé pour votre compte");
    expect(mail.text).toContain('Bonjour Lucie Gagnon,');
    expect(mail.text).toContain('Le support a créé un code');
    // Neither the code nor any spelling of it (with or without its dashes) travels by mail.
    const bare = (code as string).replace(/-/g, '');
    for (const received of suite.smtp.received) {
      expect(received.text).not.toContain(code);
      expect(received.text.replace(/[-\s]/g, '')).not.toContain(bare);
    }
  });

  it('resetting every method is mailed to the client, in English for an English client', async () => {
    const { email, press } = await deskAndClient('en');
    const reset = await press('reset-mfa');
    expect(reset.statusCode).toBe(303);
    const mail = await suite.smtp.waitFor(email, (m) => m.subject.includes('reset'));
    expect(mail.subject).toBe('Your verification methods were reset');
    expect(mail.text).toContain('Hello Lucie Gagnon,');
  });
});

/**
 * The mailer really sends through SMTP when SESAME_SMTP_URL is set (a real SMTP server started
 * by the test receives it), and keeps mail in the development outbox otherwise — the
 * /dev/outbox page exists only then, French and English, newest first, links clickable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { type SmtpRig, startSmtpRig } from '../../test/smtp-rig.ts';
import { createMailer } from './mailer.ts';

describe.each(testBackends())('mailer (%s)', (backend) => {
  let smtp: SmtpRig;
  beforeAll(async () => {
    smtp = await startSmtpRig();
  });
  afterAll(async () => smtp.close());

  it('sends through SMTP: the recipient, subject, text and HTML arrive', async () => {
    const t = await buildTestApp(backend, {
      SESAME_SMTP_URL: smtp.url,
      SESAME_MAIL_FROM: 'Sesame <security@example.ca>',
    });
    try {
      const mailer = createMailer(t.config.mail, { db: t.db, now: () => t.clock.now });
      await mailer.send({
        to: 'camille@example.ca',
        subject: 'Bonjour',
        text: 'Premier essai : https://sesame.example/link',
        html: '<p>Premier essai</p>',
      });
      mailer.close();
      const mail = await smtp.waitFor('camille@example.ca', (m) => m.subject === 'Bonjour');
      expect(mail.from).toBe('security@example.ca');
      expect(mail.text.trim()).toBe('Premier essai : https://sesame.example/link');
      expect(mail.html).toContain('<p>Premier essai</p>');
      // With SMTP, there is no outbox page, and nothing was kept.
      expect((await t.app.inject({ method: 'GET', url: '/dev/outbox' })).statusCode).toBe(404);
      expect(await t.db.selectFrom('outbox_messages').selectAll().execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('rejects when the SMTP server refuses, so that a caller can retry', async () => {
    const t = await buildTestApp(backend, { SESAME_SMTP_URL: smtp.url });
    try {
      const mailer = createMailer(t.config.mail, { db: t.db, now: () => t.clock.now });
      smtp.failNext(1);
      await expect(
        mailer.send({ to: 'refused@example.ca', subject: 'Refusé', text: 'x' }),
      ).rejects.toThrow();
      mailer.close();
    } finally {
      await t.close();
    }
  });

  describe('without SMTP: the development outbox', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(backend);
    });
    afterAll(async () => t.close());

    it('keeps mail and shows it at /dev/outbox, newest first, links clickable', async () => {
      const mailer = createMailer(t.config.mail, { db: t.db, now: () => t.clock.now });
      await mailer.send({
        to: 'a@example.ca',
        subject: 'Premier',
        text: 'Lien : https://x.example/a',
      });
      await mailer.send({ to: 'b@example.ca', subject: 'Second <b>', text: 'Sans lien' });
      const page = await t.app.inject({ method: 'GET', url: '/dev/outbox' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Boîte d'envoi de développement");
      expect(page.body.indexOf('Second &lt;b>')).toBeGreaterThan(-1);
      expect(page.body.indexOf('Second &lt;b>')).toBeLessThan(page.body.indexOf('Premier'));
      expect(page.body).toContain('<a href="https://x.example/a">https://x.example/a</a>');
      const english = await t.app.inject({
        method: 'GET',
        url: '/dev/outbox',
        headers: { 'accept-language': 'en' },
      });
      expect(english.body).toContain('Development outbox');
      expect(english.body).toContain('To a@example.ca');
    });
  });
});

/**
 * G-24, when the mail server is down: the user's action succeeds all the same (the notice was
 * queued in its transaction, and mailed after it), the notice is retried with a back-off until
 * the server takes it, and it survives a restart of the identity server. Two instances on one
 * database send it once.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cheapArgon2, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { createVerifiedUser, mailingSuite } from '../../test/mail-kit.ts';
import { enrollAccount } from '../../test/mfa-kit.ts';
import type { SmtpRig } from '../../test/smtp-rig.ts';
import { buildApp } from '../app.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';

const password = 'rue du Petit-Champlain 1685 Québec';

describe.each(testBackends())('notices when SMTP fails (G-24) (%s)', (backend) => {
  const suite = mailingSuite(backend, {}, { orgMfaRequired: true });
  let smtp: SmtpRig;
  let t: TestApp;
  let others: FastifyInstance[];
  beforeEach(() => {
    ({ t, smtp } = suite);
    others = [];
  });
  afterEach(async () => {
    for (const app of others) await app.close();
  });

  const notices = () => t.db.selectFrom('notices').selectAll().execute();
  const anotherInstance = async () => {
    const app = await buildApp(t.config, {
      db: t.db,
      now: () => t.clock.now,
      argon2: cheapArgon2,
      logger: false,
    });
    others.push(app);
    return app;
  };

  it('the enrollment succeeds while SMTP refuses; the notice leaves at its retry', async () => {
    const email = `camille.${backend}@example.ca`;
    const accountId = await createVerifiedUser(t, { username: 'camille', password, email });
    smtp.failNext(1);
    // enrollAccount throws unless every page of the journey answered as it should.
    await enrollAccount(t, 'camille', password);
    const active = await t.db
      .selectFrom('authenticators')
      .select('status')
      .where('account_id', '=', accountId)
      .execute();
    expect(active).toEqual([{ status: 'active' }]);
    await expect
      .poll(notices)
      .toEqual([expect.objectContaining({ outcome: 'failed', attempts: 1, sent_at: null })]);
    expect(smtp.received).toEqual([]);
    const [failed] = await notices();
    const retryAt = failed?.next_attempt_at ?? 0;
    expect(retryAt - (failed?.occurred_at ?? 0)).toBeGreaterThanOrEqual(30_000);
    // Not before its back-off…
    t.clock.now = retryAt - 1000;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(smtp.received).toEqual([]);
    // …and then it leaves, by itself.
    t.clock.now = retryAt;
    const mail = await smtp.waitFor(email);
    expect(mail.subject).toBe('Une méthode de vérification a été ajoutée à votre compte');
    await expect.poll(notices).toEqual([expect.objectContaining({ outcome: 'sent', attempts: 2 })]);
  });

  it('survives a restart, and two instances send it once', async () => {
    const email = `hugo.${backend}@example.ca`;
    const accountId = await createVerifiedUser(t, { username: 'hugo', password, email });
    smtp.failNext(1000);
    await recordAuditEvent(t.db, { type: 'account.password_changed', accountId }, t.clock.now);
    await expect.poll(notices).toEqual([expect.objectContaining({ outcome: 'failed' })]);
    // The server stops with the notice unsent; SMTP comes back; two instances start.
    await t.app.close();
    smtp.failNext(0);
    t.clock.advance(3600);
    await Promise.all([anotherInstance(), anotherInstance()]);
    const mail = await smtp.waitFor(email);
    expect(mail.subject).toBe('Votre mot de passe a été changé');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(smtp.received).toHaveLength(1);
  });
});

/**
 * G-24: a method added (a new device registered) or removed, the methods reset, a recovery code
 * used, the password changed or reset, a push denied — each is mailed to the account's verified
 * address, by a real SMTP server's reckoning (subject, recipient, body), in the account's
 * language. The notice is queued in the transaction of its audit event: an event that rolls back
 * mails nothing, and an account without a verified address is mailed nothing.
 */
import { answerPushRequest } from '@sesame/authenticator';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/build-test-app.ts';
import { testBackends } from '../../test/build-test-app.ts';
import { createVerifiedUser, mailingSuite } from '../../test/mail-kit.ts';
import { enrollAccount } from '../../test/mfa-kit.ts';
import { enrollWithSesameVerify, pushFromNewSignIn } from '../../test/sesame-verify-phone.ts';
import type { SmtpRig } from '../../test/smtp-rig.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { removeAuthenticator } from '../accounts/operations/remove-authenticator.ts';
import { resetMfa } from '../accounts/operations/reset-mfa.ts';
import { setPassword } from '../accounts/operations/set-password.ts';
import { type AuditEventType, recordAuditEvent } from '../audit/record-audit-event.ts';
import { injectFetch } from '../devices/device-test-kit.ts';

const password = 'rue du Petit-Champlain 1685 Québec';

describe.each(testBackends())('notices mailed with their events (G-24) (%s)', (backend) => {
  const suite = mailingSuite(backend, {}, { orgMfaRequired: true });
  let smtp: SmtpRig;
  let t: TestApp;
  let accountId: string;
  beforeEach(() => {
    ({ t, smtp } = suite);
  });

  it('a new device (Sesame Verify) and a denied push, over HTTP', async () => {
    const email = `camille.${backend}@example.ca`;
    await createVerifiedUser(t, { username: 'camille', name: 'Camille Tremblay', password, email });
    const phone = await enrollWithSesameVerify(t, 'camille', password);
    const added = await smtp.waitFor(email, (m) => m.subject.includes('ajoutée'));
    expect(added.subject).toBe('Une méthode de vérification a été ajoutée à votre compte');
    expect(added.from).toBe('securite@example.ca');
    expect(added.text).toContain('Bonjour Camille Tremblay,');
    expect(added.text).toContain('Méthode : Sesame Verify');
    expect(added.text).toContain(`${t.config.publicUrl}/account`);

    // Someone with the password sends a push; the owner answers « Ce n'était pas moi ».
    const { challengeId: requestId, waiting } = await pushFromNewSignIn(t, 'camille', password);
    const fetch = injectFetch(t.app);
    const nowMs = t.clock.now;
    const decision = 'deny';
    expect(await answerPushRequest({ fetch, account: phone, nowMs, requestId, decision })).toBe(
      'denied',
    );
    const denied = await smtp.waitFor(email, (m) => m.subject.includes('refusée'));
    expect(denied.subject).toBe('Une demande de connexion a été refusée');
    expect(denied.text).toContain("Ce n'était pas moi");
    // Nothing secret travels: not the password, not the number shown on the computer.
    const number = /class="push-number"[^>]*>([^<]+)</.exec(waiting.body)?.[1]?.replace(/\D/g, '');
    for (const mail of smtp.received) {
      expect(mail.text).not.toContain(password);
      if (number) expect(mail.text).not.toContain(number);
    }
  });

  it('an authenticator app added over HTTP, then removed, reset, and a new password (operations), in English', async () => {
    const email = `hugo.${backend}@example.ca`;
    const id = await createVerifiedUser(t, {
      username: 'hugo',
      name: 'Hugo Roy',
      password,
      email,
      locale: 'en',
    });
    await enrollAccount(t, 'hugo', password);
    const added = await smtp.waitFor(email, (m) => m.subject.includes('added'));
    expect(added.subject).toBe('A verification method was added to your account');
    expect(added.text).toContain('Method: Other authenticator app');
    const [authenticator] = await t.db
      .selectFrom('authenticators')
      .select('id')
      .where('account_id', '=', id)
      .execute();
    const deps = { db: t.db, now: () => t.clock.now };
    await removeAuthenticator(deps, cliActor, {
      accountId: id,
      authenticatorId: authenticator?.id ?? '',
    });
    await smtp.waitFor(
      email,
      (m) => m.subject === 'A verification method was removed from your account',
    );
    await resetMfa(deps, cliActor, { accountId: id });
    await smtp.waitFor(email, (m) => m.subject === 'Your verification methods were reset');
    await setPassword(deps, cliActor, { accountId: id, passwordHash: 'not-a-real-hash' });
    const changed = await smtp.waitFor(email, (m) => m.subject === 'Your password was changed');
    expect(changed.text).toContain('Hello Hugo Roy,');
  });

  it.each<[AuditEventType, string]>([
    ['recovery_code.used', 'Un code de récupération a été utilisé'],
    ['recovery_codes.generated', 'De nouveaux codes de récupération pour votre compte'],
    ['account.password_reset', 'Votre mot de passe a été réinitialisé'],
    ['device.registered', 'Un nouvel appareil a été enregistré sur votre compte'],
  ])('%s, recorded by any part of Sesame, is mailed: « %s »', async (type, subject) => {
    const email = `${type.replace(/\W/g, '-')}.${backend}@example.ca`;
    accountId = await createVerifiedUser(t, { username: 'lea', password, email });
    await recordAuditEvent(t.db, { type, accountId, ip: '203.0.113.7' }, t.clock.now);
    const mail = await smtp.waitFor(email);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain("Depuis l'adresse : 203.0.113.7");
    expect(mail.text).toMatch(/Quand : .* UTC/);
  });

  it('an event rolled back mails nothing; an address not verified is mailed nothing', async () => {
    const email = `rollback.${backend}@example.ca`;
    accountId = await createVerifiedUser(t, { username: 'noe', password, email });
    await expect(
      t.db.transaction().execute(async (trx) => {
        await recordAuditEvent(trx, { type: 'account.password_changed', accountId }, t.clock.now);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const unverified = await t.createUser({
      username: 'zoe',
      password,
      email: `zoe.${backend}@example.ca`,
    });
    await recordAuditEvent(
      t.db,
      { type: 'account.password_changed', accountId: unverified },
      t.clock.now,
    );
    // A later event of the first account, mailed: everything queued before it was looked at.
    await recordAuditEvent(t.db, { type: 'push.denied', accountId }, t.clock.now);
    await smtp.waitFor(email, (m) => m.subject === 'Une demande de connexion a été refusée');
    await expect.poll(() => noticeOutcomes(t)).toEqual(['no_address', 'sent']);
    expect(smtp.received.map((m) => m.subject)).toEqual(['Une demande de connexion a été refusée']);
  });
});

async function noticeOutcomes(t: TestApp) {
  const rows = await t.db.selectFrom('notices').select('outcome').orderBy('occurred_at').execute();
  return rows.map((row) => row.outcome).sort();
}

/**
 * G-17: an email code goes only to the address held on the account, verified, and confirmed by
 * the authenticator's enrollment — never to one taken from the request. An unverified address
 * gets no code; an address changed since the enrollment gets none until it is enrolled again.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../../test/browser-session.ts';
import type { TestApp } from '../../../test/build-test-app.ts';
import { testBackends } from '../../../test/build-test-app.ts';
import { enrollOtherApp, interactionPath, passwordStep } from '../../../test/mfa-kit.ts';
import {
  codeSent,
  emailCodeAccount,
  type MailCodes,
  password,
  withMailingApp,
} from '../../../test/sent-code-kit.ts';
import type { SmtpRig } from '../../../test/smtp-rig.ts';
import { setOrgMfaRequired } from '../../policy/mfa-policy.ts';

const email = 'ines@example.ca';
const attacker = 'attacker@example.net';
/** What a forged form might add: none of it is read. */
const forged = { to: attacker, email: attacker, destination: attacker, address: attacker };

describe.each(testBackends())("email code: only to the account's own address (%s)", (backend) => {
  const rig = withMailingApp(backend);
  let smtp: SmtpRig;
  let t: TestApp;
  let codes: MailCodes;
  beforeEach(async () => {
    ({ t, codes, smtp } = rig);
  });

  it('sends to the verified address whatever the form says, and the code works', async () => {
    const { emailAuthenticatorId } = await emailCodeAccount(t, codes, { username: 'ines', email });
    const { b, base, form } = await codeSent(t, 'ines', emailAuthenticatorId);
    t.clock.advance(30);
    const forgedResend = await b.post(`${base}/verify/start`, { ...form, ...forged });
    expect(forgedResend.statusCode).toBe(200);
    // The page shows the address partly hidden: i•••@example.ca.
    expect(forgedResend.body).toContain('i•••@example.ca');
    expect(smtp.received.filter((m) => m.to.includes(attacker))).toEqual([]);
    await codes.next(email);
    const { code, mail } = await codes.next(email);
    expect(mail.to).toEqual([email]);
    expect(mail.text).toContain('Il est valide pendant 10 minutes');
    expect((await b.post(`${base}/verify`, { ...form, code })).statusCode).toBe(303);
  });

  it('at enrollment too: the code goes to the account, not to the form', async () => {
    await t.createUser({ username: 'ines', password, email });
    await t.db.updateTable('accounts').set({ email_verified_at: t.clock.now }).execute();
    await setOrgMfaRequired(t.db, true);
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(b, 'ines', password)).location);
    await enrollOtherApp(t, b, base);
    const page = await b.get(`${base}/enroll/email-code`);
    const sent = await b.post(`${base}/enroll/email-code/send`, {
      csrf: hiddenField(page.body, 'csrf'),
      ...forged,
    });
    expect(sent.statusCode).toBe(303);
    const { mail } = await codes.next(email);
    expect(mail.to).toEqual([email]);
    expect(smtp.received.filter((m) => m.to.includes(attacker))).toEqual([]);
  });

  it('an address not verified gets no code: the method says so, and nothing is sent', async () => {
    await t.createUser({ username: 'ines', password, email });
    await setOrgMfaRequired(t.db, true);
    const b = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath((await passwordStep(b, 'ines', password)).location);
    await enrollOtherApp(t, b, base);
    const page = await b.get(`${base}/enroll/email-code`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Votre compte n'a pas d'adresse courriel vérifiée");
    expect(page.body).not.toContain('/enroll/email-code/send');
    // A forged post of the send form (its token from the configuration page) sends nothing.
    const csrf = hiddenField((await b.get(`${base}/enroll/done`)).body, 'csrf');
    const sent = await b.post(`${base}/enroll/email-code/send`, { csrf, ...forged });
    expect(sent.statusCode).toBe(303);
    expect(
      await t.db.selectFrom('challenges').selectAll().where('kind', '=', 'email-code').execute(),
    ).toEqual([]);
    // Give a mail that should not come the time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(codes.unread()).toEqual([]);
  });

  it('an address changed since the enrollment gets no code until it is enrolled again', async () => {
    const { accountId, emailAuthenticatorId } = await emailCodeAccount(t, codes, {
      username: 'ines',
      email,
    });
    // A new address, verified even: not the one this authenticator confirmed.
    await t.db
      .updateTable('accounts')
      .set({ email: 'ines.nouvelle@example.ca', email_verified_at: t.clock.now })
      .where('id', '=', accountId)
      .execute();
    const { sent } = await codeSent(t, 'ines', emailAuthenticatorId);
    expect(sent.statusCode).toBe(401);
    expect(sent.body).toContain("Votre compte n'a pas d'adresse courriel vérifiée");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(codes.unread()).toEqual([]);
  });

  it('a mail the SMTP server refuses leaves no code waiting, and the page says so', async () => {
    const { emailAuthenticatorId } = await emailCodeAccount(t, codes, { username: 'ines', email });
    // Every delivery refused for a while (notices of the enrollment may still be on their way).
    smtp.failNext(10);
    const { sent } = await codeSent(t, 'ines', emailAuthenticatorId);
    expect(sent.statusCode).toBe(401);
    expect(sent.body).toContain("Le code n'a pas pu être envoyé.");
    expect(sent.body).not.toContain('name="code"');
    const pending = await t.db
      .selectFrom('challenges')
      .select('status')
      .where('kind', '=', 'email-code')
      .where('status', '=', 'pending')
      .execute();
    expect(pending).toEqual([]);
  });
});

/**
 * G-11 for « Mot de passe oublié ? »: an account with a verified address (by username or by
 * email), one without, an unknown name, a locked account, and a request past the limits all get
 * the same status, headers and body — and at once: the mail leaves after the answer, so a slow
 * mail server cannot tell them apart. Requests are limited per account (3 an hour) and per
 * address (10 every 15 minutes) through the attempt limiter; past them, nothing is mailed.
 */
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import { testBackends } from '../../test/build-test-app.ts';
import { askForResetLink, createVerifiedUser, mailingSuite } from '../../test/mail-kit.ts';
import { fromAddress } from '../../test/sign-in-kit.ts';
import { resetAccountPolicy, resetIpPolicy } from './reset-limits.ts';

const password = 'rue du Petit-Champlain 1685 Québec';

/** The answer without what differs per browser or request (its form token, its nonce). */
function shape(response: LightMyRequestResponse) {
  const body = response.body
    .replace(/name="csrf" value="[^"]*"/g, 'name="csrf" value="CSRF"')
    .replace(/nonce="[^"]*"/g, 'nonce="NONCE"');
  const headers = { ...response.headers };
  for (const perRequest of ['content-security-policy', 'date', 'content-length', 'set-cookie'])
    delete headers[perRequest];
  return { status: response.statusCode, headers, body };
}

describe.each(testBackends())('password reset tells nothing (G-11) (%s)', (backend) => {
  const suite = mailingSuite(backend);
  const email = (name: string) => `${name}.${backend}@example.ca`;
  let address = 0;
  /** A browser from an address of its own (the per-address limit is tested on its own). */
  const browser = () => {
    address += 1;
    return new BrowserSession(
      fromAddress(suite.t.app, `198.51.100.${address}`),
      suite.t.config.publicUrl,
    );
  };

  it('answers the same, at once, for every case; mails only the verified address', async () => {
    const { t, smtp } = suite;
    await createVerifiedUser(t, { username: 'ines', password, email: email('ines') });
    await t.createUser({ username: 'noe', password, email: email('noe') });
    const locked = await createVerifiedUser(t, { username: 'zoe', password, email: email('zoe') });
    await t.db.updateTable('accounts').set({ locked: 1 }).where('id', '=', locked).execute();
    // The mail server is slow: nothing it does may show in the answers.
    const release = smtp.hold();
    const answers = [];
    for (const identifier of ['ines', email('ines').toUpperCase(), 'noe', 'nobody', 'zoe'])
      answers.push(await askForResetLink(browser(), identifier));
    const reference = shape(answers[0] as LightMyRequestResponse);
    expect(reference.status).toBe(200);
    expect(reference.body).toContain('un lien vient d');
    for (const answer of answers) expect(shape(answer)).toEqual(reference);
    expect(smtp.received).toEqual([]);
    release();
    await smtp.waitFor(email('ines'));
    await t.app.close();
    expect(smtp.received.map((m) => m.to)).toEqual([[email('ines')], [email('ines')]]);
    const reasons = await t.db
      .selectFrom('audit_events')
      .select('reason')
      .where('type', '=', 'account.password_reset_requested')
      .orderBy('id')
      .execute();
    // The requests are handled after their answers, in any order.
    expect(reasons.map((r) => r.reason).sort()).toEqual([
      'account_locked',
      'no_verified_email',
      'sent',
      'sent',
    ]);
  });

  it('mails an account at most 3 times an hour, and an address 10 requests every 15 minutes', async () => {
    const { t, smtp } = suite;
    await createVerifiedUser(t, { username: 'ines', password, email: email('ines') });
    const answers = [];
    for (let i = 0; i <= resetAccountPolicy.failuresPerLock; i += 1)
      answers.push(await askForResetLink(browser(), 'ines'));
    // One address, over other accounts: 10 requests, then one for an account not asked yet.
    await createVerifiedUser(t, { username: 'lea', password, email: email('lea') });
    const one = new BrowserSession(fromAddress(t.app, '203.0.113.9'), t.config.publicUrl);
    for (let i = 0; i < resetIpPolicy.failuresPerLock; i += 1)
      answers.push(await askForResetLink(one, `someone-${i}`));
    // Once those 10 are counted (they are handled after their answers), the 11th is refused.
    const counted = () =>
      t.db
        .selectFrom('attempt_counters')
        .select('failures')
        .where('key', '=', 'password-reset-ip:203.0.113.9')
        .executeTakeFirst();
    await expect.poll(counted).toEqual({ failures: resetIpPolicy.failuresPerLock });
    answers.push(await askForResetLink(one, 'lea'));
    const reference = shape(answers[0] as LightMyRequestResponse);
    for (const answer of answers) expect(shape(answer)).toEqual(reference);
    await t.app.close();
    expect(smtp.received.filter((m) => m.to.includes(email('ines')))).toHaveLength(3);
    expect(smtp.received.filter((m) => m.to.includes(email('lea')))).toHaveLength(0);
  });
});

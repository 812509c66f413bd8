/**
 * Issue 8 §6: an address is verified by a link mailed to it (received by a real SMTP server)
 * before Sesame mails it anything else. The link works once (a parallel race included), only
 * within 24 hours, only for the address it was sent to, and only its hash is stored; opening it
 * verifies nothing by itself (mail scanners open links): its page's button does.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { type TestApp, testBackends } from '../../test/build-test-app.ts';
import { linksIn, mailingSuite } from '../../test/mail-kit.ts';
import type { SmtpRig } from '../../test/smtp-rig.ts';
import { purgeExpired } from '../ops/purge-expired.ts';
import { issueEmailToken } from './email-token-queries.ts';
import { sendVerificationLink } from './email-verification.ts';
import { createMailer } from './mailer.ts';
import { findVerifiedEmail } from './verified-email.ts';

const password = 'rue du Petit-Champlain 1685 Québec';

describe.each(testBackends())('email verification links (%s)', (backend) => {
  const suite = mailingSuite(backend);
  let t: TestApp;
  let smtp: SmtpRig;
  let accountId: string;
  let email: string;
  let mailer: ReturnType<typeof createMailer>;
  beforeEach(async () => {
    ({ t, smtp } = suite);
    email = `ines.${backend}@example.ca`;
    accountId = await t.createUser({ username: 'ines', password, email });
    mailer = createMailer(t.config.mail, { db: t.db, now: () => t.clock.now });
  });
  afterEach(() => mailer.close());

  const deps = () => ({ db: t.db, mailer, now: () => t.clock.now, publicUrl: t.config.publicUrl });
  async function mailedLink(): Promise<string> {
    smtp.received.length = 0;
    expect(await sendVerificationLink(deps(), accountId)).toBe('sent');
    const mail = await smtp.waitFor(email);
    expect(mail.subject).toBe('Confirmez votre adresse courriel');
    const [link] = linksIn(mail.text);
    if (link === undefined) throw new Error('no link in the mail');
    return new URL(link).pathname + new URL(link).search;
  }
  async function openAndConfirm(browser: BrowserSession, path: string) {
    const page = await browser.get(path);
    if (page.statusCode !== 200) return page;
    return browser.post('/email/verify', {
      csrf: hiddenField(page.body, 'csrf'),
      token: hiddenField(page.body, 'token'),
    });
  }

  it('verifies the address by the link’s button, not by opening it; once', async () => {
    expect(await findVerifiedEmail(t.db, accountId)).toBeUndefined();
    const path = await mailedLink();
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const page = await browser.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Confirmez que l'adresse ${email} est bien la vôtre.`);
    expect(await findVerifiedEmail(t.db, accountId)).toBeUndefined();
    const done = await browser.post('/email/verify', {
      csrf: hiddenField(page.body, 'csrf'),
      token: hiddenField(page.body, 'token'),
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Votre adresse courriel est confirmée.');
    expect(await findVerifiedEmail(t.db, accountId)).toBe(email);
    // The page's language is the account's from now on.
    const account = await t.db.selectFrom('accounts').select('locale').executeTakeFirst();
    expect(account?.locale).toBe('fr');
    const again = await openAndConfirm(new BrowserSession(t.app, t.config.publicUrl), path);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Ce lien ne fonctionne plus');
    // Only the token's hash is kept.
    const token = new URL(path, 'http://x').searchParams.get('token') ?? '';
    const rows = await t.db.selectFrom('email_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('two confirmations at once: one verifies, the other is refused', async () => {
    const path = await mailedLink();
    const browsers = [0, 1].map(() => new BrowserSession(t.app, t.config.publicUrl));
    const pages = await Promise.all(browsers.map((b) => b.get(path)));
    const results = await Promise.all(
      browsers.map((b, i) =>
        b.post('/email/verify', {
          csrf: hiddenField(pages[i]?.body ?? '', 'csrf'),
          token: hiddenField(pages[i]?.body ?? '', 'token'),
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const verified = await t.db.selectFrom('audit_events').select('type').execute();
    expect(verified.filter((e) => e.type === 'account.email_verified')).toHaveLength(1);
  });

  it('refuses a link past 24 hours, an earlier link, and a link for an address since changed', async () => {
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const first = await mailedLink();
    const second = await mailedLink();
    expect((await openAndConfirm(browser, first)).statusCode).toBe(400);
    t.clock.advance(24 * 3600 + 1);
    expect((await openAndConfirm(browser, second)).statusCode).toBe(400);
    const third = await mailedLink();
    await t.db
      .updateTable('accounts')
      .set({ email: 'ines.autre@example.ca' })
      .where('id', '=', accountId)
      .execute();
    const page = await browser.get(third);
    const stale = await browser.post('/email/verify', {
      csrf: hiddenField(page.body, 'csrf'),
      token: hiddenField(page.body, 'token'),
    });
    expect(stale.statusCode).toBe(400);
    expect(await findVerifiedEmail(t.db, accountId)).toBeUndefined();
  });

  it('refuses a confirmation without this browser’s form token (G-29)', async () => {
    const path = await mailedLink();
    const page = await new BrowserSession(t.app, t.config.publicUrl).get(path);
    const other = new BrowserSession(t.app, t.config.publicUrl);
    const forged = await other.post('/email/verify', {
      csrf: hiddenField(page.body, 'csrf'),
      token: hiddenField(page.body, 'token'),
    });
    expect(forged.statusCode).toBe(403);
    expect(await findVerifiedEmail(t.db, accountId)).toBeUndefined();
  });
});

describe.each(testBackends())('links sent by mail, purged (%s)', (backend) => {
  const suite = mailingSuite(backend);
  it('go two days after they expired, with the other expired rows', async () => {
    const { t } = suite;
    const accountId = await t.createUser({ username: 'lea', password, email: 'lea@example.ca' });
    const ttlMs = 30 * 60_000;
    const input = { accountId, purpose: 'password_reset' as const, email: 'lea@example.ca', ttlMs };
    await issueEmailToken(t.db, input, t.clock.now);
    t.clock.advance(24 * 3600);
    expect((await purgeExpired(t.db, t.clock.now)).email_tokens).toBe(0);
    t.clock.advance(48 * 3600);
    expect((await purgeExpired(t.db, t.clock.now)).email_tokens).toBe(1);
  });
});

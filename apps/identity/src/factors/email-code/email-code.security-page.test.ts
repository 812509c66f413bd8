/**
 * The email code from the security page (issue 8 §4): « Ajouter une autre méthode » offers it
 * beside the account's app, after the step-up's fresh second factor, and a code to the verified
 * address adds it. A step-up itself (two factors, G-23) never offers it: a session proved by an
 * email code could not change the account's methods.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../../test/browser-session.ts';
import type { TestApp } from '../../../test/build-test-app.ts';
import { testBackends } from '../../../test/build-test-app.ts';
import { createVerifiedUser } from '../../../test/mail-kit.ts';
import { enrollAccount, finishEnrollment } from '../../../test/mfa-kit.ts';
import { rememberPassword, signInWith } from '../../../test/security-page-kit.ts';
import { enrollSentCode, type MailCodes, withMailingApp } from '../../../test/sent-code-kit.ts';
import { setOrgMfaRequired } from '../../policy/mfa-policy.ts';
import { generateTotpCode } from '../totp/totp-code.ts';

const email = 'olivier@example.ca';
const addPath = `/account/step-up?return=${encodeURIComponent('/account?added=1')}`;
const removeBase = /\/account\/step-up\/[A-Za-z0-9_-]+/;

describe.each(testBackends())('the email code from the security page (%s)', (backend) => {
  const rig = withMailingApp(backend);
  let t: TestApp;
  let codes: MailCodes;
  let browser: BrowserSession;
  let code: () => string;
  beforeEach(async () => {
    ({ t, codes } = rig);
    await setOrgMfaRequired(t.db, true);
    await createVerifiedUser(t, { username: 'olivier', password: rememberPassword, email });
    const secret = await enrollAccount(t, 'olivier', rememberPassword);
    code = () => generateTotpCode(secret, t.clock.now);
    browser = new BrowserSession(t.app, t.config.publicUrl);
    await signInWith(browser, { username: 'olivier', code });
  });

  it('is added with « Ajouter une autre méthode », by a code sent to the verified address', async () => {
    const started = await browser.get(addPath);
    const base = removeBase.exec(String(started.headers.location))?.[0] ?? '';
    const choose = await browser.follow(started);
    expect(choose.body).toContain(`${base}/enroll/email-code`);
    const id = await enrollSentCode(
      browser,
      base,
      'email-code',
      async () => (await codes.next(email)).code,
    );
    const done = await finishEnrollment(browser, base);
    expect(done.body).toContain('La méthode a été ajoutée.');
    const added = await t.db
      .selectFrom('authenticators')
      .select(['status', 'label'])
      .where('id', '=', id)
      .executeTakeFirst();
    expect(added).toEqual({ status: 'active', label: 'o•••@example.ca' });
    expect(done.body).toContain('Code par courriel (o•••@example.ca)');
  });

  it("is never a step-up's second factor", async () => {
    const started = await browser.get(addPath);
    const base = removeBase.exec(String(started.headers.location))?.[0] ?? '';
    await enrollSentCode(browser, base, 'email-code', async () => (await codes.next(email)).code);
    await finishEnrollment(browser, base);
    // Later than five minutes: the step-up asks a second factor again — the app, never the email.
    t.clock.advance(600);
    const again = await browser.get(addPath);
    const stepUp = removeBase.exec(String(again.headers.location))?.[0] ?? '';
    const page = await browser.follow(again);
    expect(page.body).toContain(`action="${stepUp}/verify"`);
    expect(page.body).not.toContain('Code par courriel');
    const emailId = (
      await t.db
        .selectFrom('authenticators')
        .select('id')
        .where('kind', '=', 'email-code')
        .executeTakeFirst()
    )?.id as string;
    const start = await browser.post(`${stepUp}/verify/start`, {
      csrf: hiddenField(page.body, 'csrf'),
      authenticatorId: emailId,
    });
    expect(start.statusCode).toBe(303);
    expect(codes.unread(email)).toEqual([]);
  });
});

/**
 * « Nouvel utilisateur » in the console, over HTTP on both backends, with mail to a real SMTP
 * server: the help desk creates a client's account; its generated password, shown once, signs in
 * (and the client enrolls, MFA being required: the guide's second trigger); its address gets its
 * verification link; the audit record names the help desk; bad input loses nothing.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { type ConsoleUser, consoleUser, signInToConsole } from '../../test/console-kit.ts';
import { passwordStep } from '../../test/mfa-kit.ts';
import { newBrowser } from '../../test/sign-in-kit.ts';
import { type SmtpRig, startSmtpRig } from '../../test/smtp-rig.ts';

describe.each(testBackends())('creating an account from the console (%s)', (backend) => {
  let smtp: SmtpRig;
  let t: TestApp;
  let desk: ConsoleUser;
  let console: BrowserSession;
  beforeAll(async () => {
    smtp = await startSmtpRig();
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    t = await buildTestApp(backend, { SESAME_SMTP_URL: smtp.url }, { orgMfaRequired: true });
    desk = await consoleUser(t, 'soutien', 'helpdesk');
    console = (await signInToConsole(t, desk)).browser;
  });
  afterEach(() => t.close());

  async function create(form: Record<string, string>) {
    const page = await console.get('/admin/users/new');
    expect(page.statusCode).toBe(200);
    return console.post('/admin/users/new', { csrf: hiddenField(page.body, 'csrf'), ...form });
  }
  const accounts = () => t.db.selectFrom('accounts').select(['id', 'username']).execute();

  it('creates the account, shows its password once, and mails its verification link', async () => {
    const created = await create({
      username: 'marie.tremblay',
      name: 'Marie Tremblay',
      email: 'marie@example.ca',
    });
    expect(created.statusCode, created.body.slice(0, 2000)).toBe(200);
    expect(created.headers['cache-control']).toBe('no-store');
    const password = /data-testid="temporary-password">([^<]+)</.exec(created.body)?.[1] as string;
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const account = (await accounts()).find((a) => a.username === 'marie.tremblay');
    expect(account).toBeDefined();
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['type', 'actor'])
      .where('account_id', '=', account?.id as string)
      .execute();
    expect(audit).toContainEqual({ type: 'account.created', actor: `admin:${desk.accountId}` });
    // The password stored is a hash, never the password.
    const stored = await t.db
      .selectFrom('accounts')
      .select('password_hash')
      .where('username', '=', 'marie.tremblay')
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).not.toContain(password);
    // The client signs in with it, and is asked to set up MFA.
    const { location } = await passwordStep(newBrowser(t), 'marie.tremblay', password);
    expect(location).toMatch(/\/enroll$/);
    const mail = await smtp.waitFor('marie@example.ca');
    expect(mail.text).toContain('/email/verify?token=');
  });

  it('refuses a username already taken or not valid, and creates nothing', async () => {
    const before = (await accounts()).length;
    const forms: Record<string, string>[] = [
      { username: 'soutien' },
      { username: 'SOUTIEN' },
      { username: 'a b' },
      { username: 'valid.name', email: 'not-an-address' },
    ];
    for (const form of forms) {
      const refused = await create(form);
      expect(refused.statusCode, JSON.stringify(form)).toBe(400);
      expect(refused.body).toContain('role="alert"');
      expect(refused.body).not.toContain('temporary-password');
    }
    expect((await accounts()).length).toBe(before);
  });

  it('creates one account when two forms race for one username', async () => {
    const page = await console.get('/admin/users/new');
    const csrf = hiddenField(page.body, 'csrf');
    const answers = await Promise.all(
      [1, 2, 3].map(() => console.post('/admin/users/new', { csrf, username: 'jumeau' })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 400, 400]);
    expect((await accounts()).filter((a) => a.username === 'jumeau')).toHaveLength(1);
  });
});

/**
 * « Renommer » a method on the security page (issue 8 §4): a name of its owner's own, validated
 * (trimmed, 1 to 64 characters, no control or format characters), by a form bound to the session,
 * for the account's own active methods only, audited with the user as actor; the name is then
 * what the security page and the second-factor page call it. Over HTTP, on both backends.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { rememberingAccount, signInWith } from '../../test/security-page-kit.ts';
import { auditEvents } from '../../test/sign-in-kit.ts';

describe.each(testBackends())('renaming a method (%s)', (backend) => {
  let t: TestApp;
  let lea: Awaited<ReturnType<typeof rememberingAccount>>;
  let browser: BrowserSession;
  let methodId: string;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    lea = await rememberingAccount(t, 'lea');
    browser = new BrowserSession(t.app, t.config.publicUrl);
    await signInWith(browser, { username: 'lea', code: lea.code });
    const [method] = await t.db.selectFrom('authenticators').select('id').execute();
    methodId = String(method?.id);
  });
  afterEach(() => t.close());

  const path = () => `/account/methods/${methodId}/rename`;
  const label = async () =>
    (await t.db.selectFrom('authenticators').select('label').executeTakeFirst())?.label;
  async function rename(name: string, b = browser) {
    const page = await b.get(path());
    return b.post(path(), { csrf: hiddenField(page.body, 'csrf'), label: name });
  }

  it('names the method as its owner typed it, wherever the security page names it', async () => {
    const page = await browser.get(path());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Renommer la méthode');
    expect(page.body).toContain('maxlength="64"');
    const done = await rename('  Téléphone   du bureau ');
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account?renamed=1');
    expect(await label()).toBe('Téléphone du bureau');
    const account = await browser.get('/account?renamed=1');
    expect(account.body).toContain('La méthode a été renommée.');
    expect(account.body).toContain('<strong>Téléphone du bureau</strong>');
    expect(account.body).toContain('aria-label="Retirer Téléphone du bureau"');
    expect(
      (await browser.follow(await browser.get(`/account/methods/${methodId}/remove`))).body,
    ).toContain('Vous ne pourrez plus utiliser Téléphone du bureau');
    const events = (await auditEvents(t)).filter((e) => e.type === 'authenticator.renamed');
    expect(events).toMatchObject([{ account_id: lea.accountId, actor: `user:${lea.accountId}` }]);
  });

  it('refuses an empty, too long or disguised name, changing nothing', async () => {
    const before = await label();
    for (const name of ['', '   ', 'x'.repeat(65), 'bureau\u202Eenoh', 'a\u0000b', 'tab\u0007']) {
      const refused = await rename(name);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Saisissez un nom de 1 à 64 caractères');
    }
    // 64 characters, accents counted once each, are fine.
    expect((await rename('é'.repeat(64))).statusCode).toBe(303);
    expect(await label()).toBe('é'.repeat(64));
    expect(before).not.toBe('é'.repeat(64));
    expect((await auditEvents(t)).filter((e) => e.type === 'authenticator.renamed')).toHaveLength(
      1,
    );
  });

  it('refuses a forged form, another account, and no session', async () => {
    const forged = await browser.post(path(), { csrf: 'forged', label: 'Piège' });
    expect(forged.statusCode).toBe(403);
    const omar = await rememberingAccount(t, 'omar');
    const other = new BrowserSession(t.app, t.config.publicUrl);
    await signInWith(other, { username: 'omar', code: omar.code });
    // Omar's session cannot open nor rename Léa's method.
    expect((await other.get(path())).headers.location).toBe('/account');
    const ownCsrf = hiddenField((await other.get('/account')).body, 'csrf');
    const theirs = await other.post(path(), { csrf: ownCsrf, label: 'Piège' });
    expect(theirs.headers.location).toBe('/account');
    const none = new BrowserSession(t.app, t.config.publicUrl);
    expect((await none.post(path(), { label: 'Piège' })).statusCode).toBe(303);
    expect(await label()).not.toBe('Piège');
    expect((await auditEvents(t)).filter((e) => e.type === 'authenticator.renamed')).toEqual([]);
  });
});

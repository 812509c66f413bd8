/**
 * A remembered browser stops standing for the second factor (issue 8 §5) when its owner forgets
 * it on the security page (that one only, by a form bound to the session), when an MFA reset, a
 * new password, a lock or « Se déconnecter partout » ends what the account holds — in the
 * operation's own transaction — and when its days are over. Over HTTP, on both backends.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import {
  accountCsrf,
  rememberingAccount,
  signInWith,
  withRememberedCookie,
} from '../../test/security-page-kit.ts';
import { auditEvents } from '../../test/sign-in-kit.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { lockAccount } from '../accounts/operations/lock-account.ts';
import { resetMfa } from '../accounts/operations/reset-mfa.ts';
import { setPassword } from '../accounts/operations/set-password.ts';
import { unlockAccount } from '../accounts/operations/unlock-account.ts';
import { purgeExpired } from '../ops/purge-expired.ts';

describe.each(testBackends())('revoking a remembered browser (%s)', (backend) => {
  let t: TestApp;
  let lea: Awaited<ReturnType<typeof rememberingAccount>>;
  let remembered: BrowserSession;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    lea = await rememberingAccount(t, 'lea');
    remembered = new BrowserSession(t.app, t.config.publicUrl);
    await signInWith(remembered, { username: 'lea', code: lea.code, remember: true });
    t.clock.advance(60);
  });
  afterEach(() => t.close());

  const deps = () => ({ db: t.db, now: () => t.clock.now });
  /** Whether a later sign-in in the remembered browser is asked its second factor. */
  const asked = async () =>
    (await signInWith(withRememberedCookie(t, remembered), { username: 'lea', code: lea.code }))
      .asked;
  const revoked = async () =>
    (await t.db.selectFrom('remembered_browsers').select('revoked_at').execute()).map(
      (row) => row.revoked_at !== null,
    );

  it('is skipped until then', async () => {
    expect(await asked()).toBe(false);
  });

  it('is forgotten from the security page, by its own form only', async () => {
    const [row] = await t.db.selectFrom('remembered_browsers').select('id').execute();
    const page = await remembered.get('/account');
    expect(page.body).toContain('Appareils mémorisés');
    expect(page.body).toContain(`/account/browsers/${row?.id}/forget`);
    const path = `/account/browsers/${row?.id}/forget`;
    // A forged form, and another site's, revoke nothing (G-29).
    expect((await remembered.post(path, { csrf: 'forged' })).statusCode).toBe(403);
    const csrf = await accountCsrf(remembered);
    const crossSite = await remembered.post(path, { csrf }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    expect(await revoked()).toEqual([false]);
    // A browser signed in as another account cannot forget it either.
    const other = await rememberingAccount(t, 'omar');
    const omar = new BrowserSession(t.app, t.config.publicUrl);
    await signInWith(omar, { username: 'omar', code: other.code });
    await omar.post(path, { csrf: await accountCsrf(omar) });
    expect(await revoked()).toEqual([false]);
    const done = await remembered.post(path, { csrf });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account?forgotten=1');
    expect(await revoked()).toEqual([true]);
    expect(await asked()).toBe(true);
    const events = (await auditEvents(t)).filter((e) => e.type === 'remembered_browser.revoked');
    expect(events).toMatchObject([{ account_id: lea.accountId, actor: `user:${lea.accountId}` }]);
    expect((await remembered.get('/account')).body).not.toContain(`/account/browsers/${row?.id}`);
  });

  it('ends with an MFA reset', async () => {
    await resetMfa(deps(), cliActor, { accountId: lea.accountId });
    expect(await revoked()).toEqual([true]);
  });

  it('ends with a new password', async () => {
    await setPassword(deps(), cliActor, { accountId: lea.accountId, passwordHash: 'x' });
    expect(await revoked()).toEqual([true]);
  });

  it('ends with a lock, and stays ended after the unlock', async () => {
    await lockAccount(deps(), cliActor, { accountId: lea.accountId });
    await unlockAccount(deps(), cliActor, { accountId: lea.accountId });
    expect(await revoked()).toEqual([true]);
    expect(await asked()).toBe(true);
  });

  it('ends with « Se déconnecter partout »', async () => {
    const csrf = await accountCsrf(remembered);
    const done = await remembered.post('/account/sign-out-everywhere', { csrf });
    expect(done.statusCode).toBe(200);
    expect(await revoked()).toEqual([true]);
    expect(await asked()).toBe(true);
  });

  it('ends when its days are over, and its row goes two days later', async () => {
    t.clock.advance(29 * 86_400);
    expect(await asked()).toBe(false);
    t.clock.advance(86_400);
    expect(await asked()).toBe(true);
    expect((await purgeExpired(t.db, t.clock.now)).remembered_browsers).toBe(0);
    t.clock.advance(3 * 86_400);
    expect((await purgeExpired(t.db, t.clock.now)).remembered_browsers).toBe(1);
    expect(await revoked()).toEqual([]);
  });
});

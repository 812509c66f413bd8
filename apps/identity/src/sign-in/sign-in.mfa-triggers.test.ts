/**
 * The guide's three triggers: MFA activated for the account (organization-wide or for the
 * account), a new account, MFA settings modified (authenticators reset) — each sends the next
 * sign-in to enrollment; an account with an active authenticator is asked for its code instead.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import {
  enrollOtherApp,
  finishEnrollment,
  interactionPath,
  passwordStep,
} from '../../test/mfa-kit.ts';
import { deleteAllAuthenticators } from '../factors/authenticator-queries.ts';
import { setOrgMfaRequired } from '../policy/mfa-policy.ts';

const password = 'pommes de terre 88';

describe.each(testBackends())('MFA triggers (%s)', (backend) => {
  let t: TestApp;
  let accountId: string;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    accountId = await t.createUser({ username: 'louis', name: 'Louis Roy', password });
  });
  afterEach(() => t.close());

  const browser = () => new BrowserSession(t.app, t.config.publicUrl);
  const nextPage = async () => (await passwordStep(browser(), 'louis', password)).location;

  it('sends a new account to enrollment when the organization requires MFA (the default)', async () => {
    expect(await nextPage()).toMatch(/^\/interaction\/[^/]+\/enroll$/);
    const b = browser();
    const { location } = await passwordStep(b, 'louis', password);
    const page = await b.follow(await b.get(location));
    expect(page.body).toContain("Configurer l'authentification multifacteur");
    expect(page.body).toContain("L'activation ne prend que quelques minutes.");
  });

  it('lets the account in with its password alone when no MFA is required', async () => {
    await setOrgMfaRequired(t.db, false);
    expect(await nextPage()).toMatch(/^http:\/\/localhost:3001\/callback\?code=/);
  });

  it('requires enrollment when MFA is activated for the account only', async () => {
    await setOrgMfaRequired(t.db, false);
    await t.db
      .updateTable('accounts')
      .set({ mfa_required: 1 })
      .where('id', '=', accountId)
      .execute();
    const b = browser();
    const { location } = await passwordStep(b, 'louis', password);
    expect(location).toMatch(/\/enroll$/);
  });

  it('asks for the code once an authenticator is active, and enrolls again after a reset', async () => {
    const first = browser();
    const base = interactionPath((await passwordStep(first, 'louis', password)).location);
    await enrollOtherApp(t, first, base);
    const done = await finishEnrollment(first, base);
    expect(String(done.headers.location)).toMatch(/callback\?code=/);

    const second = browser();
    const again = await passwordStep(second, 'louis', password);
    expect(again.location).toMatch(/\/verify$/);

    // The guide's third trigger: the MFA settings were modified (an administrator's reset).
    await deleteAllAuthenticators(t.db, accountId);
    const third = browser();
    const reset = await passwordStep(third, 'louis', password);
    expect(reset.location).toMatch(/\/enroll$/);
  });

  it('does not count a pending (unconfirmed) authenticator', async () => {
    const b = browser();
    const base = interactionPath((await passwordStep(b, 'louis', password)).location);
    expect((await b.get(`${base}/enroll/other-app`)).statusCode).toBe(200);
    // Abandoned: never confirmed. The next sign-in still enrolls.
    const next = browser();
    const { location } = await passwordStep(next, 'louis', password);
    expect(location).toMatch(/\/enroll$/);
  });
});

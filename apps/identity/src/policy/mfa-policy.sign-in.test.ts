/**
 * The MFA policy as a sign-in meets it (ADR 0013): required of everyone, of the members of the
 * groups chosen, or of nobody; a method not allowed is neither offered, nor enrolled, nor accepted
 * even where it was enrolled before; a method required is the one the enrollment offers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { enrollAccount, interactionPath, passwordStep } from '../../test/mfa-kit.ts';
import { cliActor } from '../accounts/operations/actor.ts';
import { addGroupMember } from '../accounts/operations/add-group-member.ts';
import { createGroup } from '../accounts/operations/create-group.ts';
import { setMfaPolicy } from '../accounts/operations/set-mfa-policy.ts';

const password = 'pommes de terre 88';

describe.each(testBackends())('the MFA policy at sign-in (%s)', (backend) => {
  let t: TestApp;
  let alice: string;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: true });
    alice = await t.createUser({ username: 'alice', name: 'Alice Roy', password });
    await t.createUser({ username: 'bruno', name: 'Bruno Roy', password });
  });
  afterEach(() => t.close());

  const deps = () => ({ db: t.db, now: () => t.clock.now });
  const browser = () => new BrowserSession(t.app, t.config.publicUrl);
  const nextPage = async (username: string) =>
    (await passwordStep(browser(), username, password)).location;
  const enrollPage = async (username: string) => {
    const b = browser();
    const base = interactionPath((await passwordStep(b, username, password)).location);
    return { b, base, page: await b.get(`${base}/enroll`) };
  };

  it('for a group: its member enrolls, a non-member signs in with the password alone', async () => {
    const group = await createGroup(deps(), cliActor, { name: 'Comptabilité' });
    await addGroupMember(deps(), cliActor, { groupId: group.id, accountId: alice });
    await setMfaPolicy(deps(), cliActor, {
      change: { appliesTo: 'groups', groups: ['comptabilité'] },
    });
    expect(await nextPage('alice')).toMatch(/^\/interaction\/[^/]+\/enroll$/);
    expect(await nextPage('bruno')).toMatch(/^http:\/\/localhost:3001\/callback\?code=/);
  });

  it('for nobody: even a chosen group’s member signs in with the password alone', async () => {
    const group = await createGroup(deps(), cliActor, { name: 'Direction' });
    await addGroupMember(deps(), cliActor, { groupId: group.id, accountId: alice });
    await setMfaPolicy(deps(), cliActor, { change: { appliesTo: 'groups', groups: [group.id] } });
    await setMfaPolicy(deps(), cliActor, { change: { appliesTo: 'nobody' } });
    expect(await nextPage('alice')).toMatch(/callback\?code=/);
    // The account's own flag still adds to it.
    await t.db.updateTable('accounts').set({ mfa_required: 1 }).where('id', '=', alice).execute();
    expect(await nextPage('alice')).toMatch(/\/enroll$/);
  });

  it('a method not allowed is not offered, and its enrollment is refused', async () => {
    const before = await enrollPage('alice');
    expect(before.page.body).toContain('/enroll/other-app');
    await setMfaPolicy(deps(), cliActor, { change: { methods: { totp: 'not_allowed' } } });
    const { b, base, page } = await enrollPage('alice');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('/enroll/other-app');
    expect(page.body).toContain('/enroll/sesame-verify');
    const refused = await b.get(`${base}/enroll/other-app`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Votre organisation n’autorise pas cette méthode.');
    // Nor a confirmation posted to it (the form of the page before the change).
    const posted = await b.post(`${base}/enroll/other-app`, { csrf: 'x', code: '123456' });
    expect(posted.statusCode).toBe(403);
    expect(await t.db.selectFrom('authenticators').select('id').execute()).toEqual([]);
  });

  it('an enrolled method that becomes not allowed is no longer accepted: enrollment again', async () => {
    await enrollAccount(t, 'alice', password);
    expect(await nextPage('alice')).toMatch(/\/verify$/);
    await setMfaPolicy(deps(), cliActor, { change: { methods: { totp: 'not_allowed' } } });
    const b = browser();
    const { location } = await passwordStep(b, 'alice', password);
    expect(location).toMatch(/\/enroll$/);
    // Its verification page is not reachable either: the step is enrollment.
    const verify = await b.follow(await b.get(`${interactionPath(location)}/verify`));
    expect(verify.statusCode).toBe(200);
    expect(verify.body).toContain("Configurer l'authentification multifacteur");
    expect(verify.body).not.toContain('/enroll/other-app');
  });

  it('a required method is what the enrollment offers, alone, until it is enrolled', async () => {
    await setMfaPolicy(deps(), cliActor, { change: { methods: { totp: 'required' } } });
    const { page } = await enrollPage('alice');
    expect(page.body).toContain('Votre organisation exige la méthode suivante :');
    expect(page.body).toContain('/enroll/other-app');
    expect(page.body).not.toContain('/enroll/sesame-verify');
    await enrollAccount(t, 'alice', password);
    expect(await nextPage('alice')).toMatch(/\/verify$/);
  });

  it('refuses a rule a method cannot have (an email code is never required)', async () => {
    const change = { methods: { 'email-code': 'required' as const } };
    await expect(setMfaPolicy(deps(), cliActor, { change })).rejects.toThrow('request.invalid');
    await expect(setMfaPolicy(deps(), cliActor, { change: { graceDays: 1000 } })).rejects.toThrow(
      'request.invalid',
    );
  });
});

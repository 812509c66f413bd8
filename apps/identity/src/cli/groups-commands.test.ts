/**
 * `sesame groups …` and `sesame org mfa-policy …` on both backends: what they print (tables and
 * --json), what they change, their audit records (actor `cli`), and their refusals.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { readMfaPolicy } from '../policy/mfa-policy-settings.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';

describe.each(testBackends())('sesame groups and org mfa-policy (%s)', (backend) => {
  let t: CliHarness;
  beforeEach(async () => {
    t = await openCliHarness(backend);
    const created = await t.run(
      ['users', 'create', 'agathe', '--password-stdin'],
      'pommes de terre 88',
    );
    expect(created.code).toBe(0);
  });
  afterEach(() => t.close());

  const audit = () =>
    t.db
      .selectFrom('audit_events')
      .select(['type', 'actor', 'reason'])
      .where((eb) =>
        eb.or([eb('type', 'like', 'group.%'), eb('type', '=', 'org.mfa_policy_changed')]),
      )
      .orderBy('id')
      .execute();

  it('creates a group, adds and removes a member, lists, deletes; each change audited as cli', async () => {
    expect(
      await t.run(['groups', 'create', 'Paie', '--description', 'Service de la paie']),
    ).toEqual({
      code: 0,
      stdout: 'Group Paie created.\n',
      stderr: '',
    });
    expect((await t.run(['groups', 'add', 'paie', 'AGATHE'])).stdout).toBe(
      'agathe added to Paie.\n',
    );
    expect((await t.run(['groups', 'add', 'Paie', 'agathe'])).stdout).toBe(
      'agathe was already in Paie.\n',
    );
    const listed = JSON.parse((await t.run(['groups', 'list', '--json'])).stdout);
    expect(listed).toMatchObject([
      { name: 'Paie', description: 'Service de la paie', members: 1, requiresMfa: false },
    ]);
    expect((await t.run(['groups', 'list'])).stdout).toMatch(/^NAME +MEMBERS +MFA/);
    const members = JSON.parse((await t.run(['groups', 'members', 'Paie', '--json'])).stdout);
    expect(members).toMatchObject([{ username: 'agathe' }]);
    expect((await t.run(['groups', 'remove', 'Paie', 'agathe'])).stdout).toBe(
      'agathe removed from Paie.\n',
    );
    expect((await t.run(['groups', 'delete', 'Paie'])).code).toBe(0);
    expect((await t.run(['groups', 'list'])).stdout).toBe('No groups.\n');
    expect((await audit()).map((e) => [e.type, e.actor, e.reason])).toEqual([
      ['group.created', 'cli', 'Paie'],
      ['group.member_added', 'cli', 'Paie'],
      ['group.member_added', 'cli', 'Paie'],
      ['group.member_removed', 'cli', 'Paie'],
      ['group.deleted', 'cli', 'Paie'],
    ]);
  });

  it('refuses a name taken, an unknown group or account, a wrong usage', async () => {
    await t.run(['groups', 'create', 'Paie']);
    expect(await t.run(['groups', 'create', 'PAIE'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'sesame: groups create PAIE: a group already has this name\n',
    });
    expect((await t.run(['groups', 'add', 'Ventes', 'agathe'])).stderr).toBe(
      'sesame: no group named Ventes\n',
    );
    expect((await t.run(['groups', 'add', 'Paie', 'personne'])).stderr).toBe(
      'sesame: no account named personne\n',
    );
    expect((await t.run(['groups', 'add', 'Paie'])).code).toBe(2);
    expect((await t.run(['groups', 'rename'])).code).toBe(2);
  });

  it('shows and sets the MFA policy', async () => {
    const shown = JSON.parse((await t.run(['org', 'mfa-policy', '--json'])).stdout);
    expect(shown).toMatchObject({ appliesTo: 'everyone', groups: [], graceDays: 0 });
    expect(shown.methods).toContainEqual({ method: 'totp', rule: 'optional' });
    await t.run(['groups', 'create', 'Paie']);
    const set = await t.run([
      'org',
      'mfa-policy',
      'set',
      '--for',
      'groups',
      '--groups',
      'Paie',
      '--method',
      'totp=required',
      '--method',
      'sms-code=not_allowed',
      '--grace-days',
      '3',
    ]);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('MFA required for: groups (Paie)\nGrace period: 3 days\n');
    expect(await readMfaPolicy(t.db)).toEqual({
      appliesTo: 'groups',
      methods: { totp: 'required', 'sms-code': 'not_allowed' },
      graceDays: 3,
    });
    expect((await audit()).at(-1)).toEqual({
      type: 'org.mfa_policy_changed',
      actor: 'cli',
      reason: 'groups; totp=required; sms-code=not_allowed; grace=3d',
    });
    // `org require-mfa` still sets everyone or nobody.
    await t.run(['org', 'require-mfa', 'off']);
    expect((await readMfaPolicy(t.db)).appliesTo).toBe('nobody');
  });

  it('users list says who the policy requires MFA of: a chosen group’s members only', async () => {
    await t.run(['users', 'create', 'bob', '--password-stdin'], 'pommes de terre 89');
    await t.run(['groups', 'create', 'Paie']);
    await t.run(['groups', 'add', 'Paie', 'agathe']);
    await t.run(['org', 'mfa-policy', 'set', '--for', 'groups', '--groups', 'Paie']);
    const users = JSON.parse((await t.run(['users', 'list', '--json'])).stdout);
    expect(
      users.map((u: { username: string; mfaRequired: boolean }) => [u.username, u.mfaRequired]),
    ).toEqual([
      ['agathe', true],
      ['bob', false],
    ]);
  });

  it('refuses a policy it cannot hold', async () => {
    const refused = [['--for', 'somebody'], ['--method', 'totp=maybe'], ['--grace-days', '-1'], []];
    for (const args of refused)
      expect((await t.run(['org', 'mfa-policy', 'set', ...args])).code, args.join(' ')).toBe(2);
    expect(await t.run(['org', 'mfa-policy', 'set', '--method', 'email-code=required'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'sesame: org mfa-policy set: invalid value\n',
    });
    expect((await t.run(['org', 'mfa-policy', 'set', '--grace-days', '91'])).code).toBe(1);
    expect((await t.run(['org', 'mfa-policy', 'set', '--groups', 'Ventes'])).code).toBe(1);
    expect(await readMfaPolicy(t.db)).toEqual({ appliesTo: 'everyone', methods: {}, graceDays: 0 });
  });
});

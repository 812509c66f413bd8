import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { readPushNumberMode } from '../factors/push/push-number-mode.ts';
import { readPasskeySignIn } from '../factors/webauthn/passkey-sign-in-setting.ts';
import { readOrgMfaRequired } from '../policy/mfa-policy.ts';
import { readRememberDays } from '../remember-browser/remember-setting.ts';
import { type CliHarness, openCliHarness, START_MS } from './cli-test-kit.ts';

/** `org show`'s branding lines when nothing is set (org-branding-commands.test.ts sets them). */
const noBranding =
  'Organization name: none (Sesame only)\nLogo: none\nAccent colour: default\nSupport: none\n';

describe.each(testBackends())('sesame org (%s)', (backend) => {
  let t: CliHarness;
  beforeEach(async () => {
    t = await openCliHarness(backend);
  });
  afterEach(() => t.close());

  const auditRows = () =>
    t.db
      .selectFrom('audit_events')
      .select(['type', 'account_id', 'reason', 'occurred_at', 'actor'])
      .orderBy('id')
      .execute();

  it('shows MFA required for everyone by default', async () => {
    expect(await t.run(['org', 'show'])).toEqual({
      code: 0,
      stdout:
        'MFA required for everyone: on\nPush number: typed-6\nRemember browser: off\nPasskey sign-in: off\nSelf-registration: off\n' +
        noBranding,
      stderr: '',
    });
  });

  it('says so when the policy requires MFA of chosen groups, not of everyone', async () => {
    expect((await t.run(['org', 'mfa-policy', 'set', '--for', 'groups'])).code).toBe(0);
    const shown = await t.run(['org', 'show']);
    expect(shown.stdout).toMatch(
      /^MFA required for everyone: off \(required of chosen groups: org mfa-policy\)\n/,
    );
    expect(JSON.parse((await t.run(['org', 'show', '--json'])).stdout)).toMatchObject({
      mfaRequired: false,
      mfaAppliesTo: 'groups',
    });
  });

  it('turns the requirement off and on, and records each change', async () => {
    const off = await t.run(['org', 'require-mfa', 'off']);
    expect(off).toEqual({
      code: 0,
      stdout:
        "MFA required for everyone: off. Accounts required one by one ('sesame users require-mfa') still enroll; accounts with an authenticator keep using it.\n",
      stderr: '',
    });
    expect(await readOrgMfaRequired(t.db)).toBe(false);
    expect((await t.run(['org', 'show'])).stdout).toBe(
      'MFA required for everyone: off\nPush number: typed-6\nRemember browser: off\nPasskey sign-in: off\nSelf-registration: off\n' +
        noBranding,
    );

    t.clock.advance(60);
    const on = await t.run(['org', 'require-mfa', 'on']);
    expect(on).toEqual({
      code: 0,
      stdout:
        'MFA required for everyone: on. Accounts without an active authenticator enroll at their next sign-in.\n',
      stderr: '',
    });
    expect(await readOrgMfaRequired(t.db)).toBe(true);
    expect((await t.run(['org', 'show'])).stdout).toBe(
      'MFA required for everyone: on\nPush number: typed-6\nRemember browser: off\nPasskey sign-in: off\nSelf-registration: off\n' +
        noBranding,
    );

    expect(await auditRows()).toEqual([
      {
        type: 'org.mfa_requirement_changed',
        account_id: null,
        reason: 'off',
        occurred_at: START_MS,
        actor: 'cli',
      },
      {
        type: 'org.mfa_requirement_changed',
        account_id: null,
        reason: 'on',
        occurred_at: START_MS + 60_000,
        actor: 'cli',
      },
    ]);
  });

  it('sets for how many days a browser may be remembered, or off, and records each change', async () => {
    expect(await readRememberDays(t.db)).toBe(0);
    const set = await t.run(['org', 'remember-browser', '30d']);
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/^Remember browser: 30 days\./);
    expect(await readRememberDays(t.db)).toBe(30);
    expect((await t.run(['org', 'show'])).stdout).toContain('Remember browser: 30 days\n');
    for (const wrong of ['0d', '30', '366d', '-1d', '1.5d', 'on'])
      expect((await t.run(['org', 'remember-browser', wrong])).code).toBe(2);
    expect(await readRememberDays(t.db)).toBe(30);
    t.clock.advance(60);
    expect((await t.run(['org', 'remember-browser', 'off'])).stdout).toMatch(
      /^Remember browser: off\./,
    );
    expect(await readRememberDays(t.db)).toBe(0);
    expect(await auditRows()).toEqual([
      {
        type: 'org.remember_browser_changed',
        account_id: null,
        reason: '30d',
        occurred_at: START_MS,
        actor: 'cli',
      },
      {
        type: 'org.remember_browser_changed',
        account_id: null,
        reason: 'off',
        occurred_at: START_MS + 60_000,
        actor: 'cli',
      },
    ]);
  });

  it('sets how a push is matched, and records each change', async () => {
    expect(await readPushNumberMode(t.db)).toBe('typed-6');
    const set = await t.run(['org', 'push-number', 'pick-3']);
    expect(set).toEqual({
      code: 0,
      stdout:
        'Push number: pick-3. The computer shows 2 digits; the user picks them among three in Sesame Verify.\n',
      stderr: '',
    });
    expect(await readPushNumberMode(t.db)).toBe('pick-3');
    expect((await t.run(['org', 'show'])).stdout).toContain('Push number: pick-3\n');
    await t.run(['org', 'push-number', 'typed-6']);
    expect(await readPushNumberMode(t.db)).toBe('typed-6');
    expect((await auditRows()).map((row) => [row.type, row.reason, row.actor])).toEqual([
      ['org.push_number_changed', 'pick-3', 'cli'],
      ['org.push_number_changed', 'typed-6', 'cli'],
    ]);
    expect(await t.run(['org', 'push-number', 'typed-4'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "sesame: org push-number: expected typed-6, typed-2, pick-3, not 'typed-4' (see 'sesame org --help')\n",
    });
  });

  it('turns the sign-in with a passkey on and off, and records each change', async () => {
    expect(await readPasskeySignIn(t.db)).toBe(false);
    const on = await t.run(['org', 'passkey-sign-in', 'on']);
    expect(on.code).toBe(0);
    expect(on.stdout).toContain('Passkey sign-in: on.');
    expect(await readPasskeySignIn(t.db)).toBe(true);
    expect((await t.run(['org', 'show'])).stdout).toContain('Passkey sign-in: on\n');
    await t.run(['org', 'passkey-sign-in', 'off']);
    expect(await readPasskeySignIn(t.db)).toBe(false);
    expect((await auditRows()).map((row) => [row.type, row.reason, row.actor])).toEqual([
      ['org.passkey_sign_in_changed', 'on', 'cli'],
      ['org.passkey_sign_in_changed', 'off', 'cli'],
    ]);
    expect(await t.run(['org', 'passkey-sign-in', 'maybe'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "sesame: org passkey-sign-in: expected on or off, not 'maybe' (see 'sesame org --help')\n",
    });
  });

  it('shows the change in the MFA column of users list', async () => {
    await t.run(['users', 'create', 'claire']);
    const mfaOf = async () =>
      JSON.parse((await t.run(['users', 'list', '--json'])).stdout)[0].mfaRequired;
    expect(await mfaOf()).toBe(true);
    await t.run(['org', 'require-mfa', 'off']);
    expect(await mfaOf()).toBe(false);
  });

  it('answers help for the group and its commands', async () => {
    for (const argv of [
      ['org', '--help'],
      ['org', 'help'],
      ['help', 'org'],
      ['org', 'show', '-h'],
      ['org', 'require-mfa', '--help'],
    ]) {
      const run = await t.run(argv);
      expect(run, argv.join(' ')).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^Usage: sesame org <command>/);
      expect(run.stdout).toContain('require-mfa on|off');
    }
  });

  it('reports usage errors with exit code 2 and changes nothing', async () => {
    const cases: Array<[string[], string]> = [
      [['org'], "sesame: missing command after 'org' (see 'sesame org --help')\n"],
      [['org', 'delete'], "sesame: unknown command 'org delete' (see 'sesame org --help')\n"],
      [
        ['org', 'require-mfa'],
        "sesame: org require-mfa: missing on|off (see 'sesame org --help')\n",
      ],
      [
        ['org', 'require-mfa', 'yes'],
        "sesame: org require-mfa: expected on or off, not 'yes' (see 'sesame org --help')\n",
      ],
      [
        ['org', 'require-mfa', 'ON'],
        "sesame: org require-mfa: expected on or off, not 'ON' (see 'sesame org --help')\n",
      ],
      [
        ['org', 'require-mfa', 'off', 'now'],
        "sesame: org require-mfa: unexpected argument 'now' (see 'sesame org --help')\n",
      ],
      [
        ['org', 'require-mfa', '--off'],
        "sesame: org require-mfa: unknown option '--off' (see 'sesame org --help')\n",
      ],
      [
        ['org', 'show', 'all'],
        "sesame: org show: unexpected argument 'all' (see 'sesame org --help')\n",
      ],
    ];
    for (const [argv, stderr] of cases) {
      expect(await t.run(argv), argv.join(' ')).toEqual({ code: 2, stdout: '', stderr });
    }
    expect(await readOrgMfaRequired(t.db)).toBe(true);
    expect(await t.db.selectFrom('org_settings').selectAll().execute()).toEqual([]);
    expect(await auditRows()).toEqual([]);
  });
});

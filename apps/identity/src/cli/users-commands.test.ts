import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { canonicalizeIdentifier } from '../accounts/canonical-identifier.ts';
import { findAccountByIdentifier } from '../accounts/queries.ts';
import { setOrgMfaRequired } from '../policy/mfa-policy.ts';
import { insertAuthenticator, insertDevice } from '../policy/mfa-test-rows.ts';
import { accountLimitKey } from '../security/attempt-policy.ts';
import { type CliHarness, openCliHarness, START_MS } from './cli-test-kit.ts';

const PASSWORD = 'rivière gelée 2026';

describe.each(testBackends())('sesame users (%s)', (backend) => {
  let t: CliHarness;
  beforeEach(async () => {
    t = await openCliHarness(backend);
  });
  afterEach(() => t.close());

  const account = async (identifier: string) => {
    const found = await findAccountByIdentifier(t.db, canonicalizeIdentifier(identifier));
    if (found === undefined) throw new Error(`no account ${identifier}`);
    return found;
  };
  const auditTypes = async () =>
    (
      await t.db.selectFrom('audit_events').select(['type', 'account_id']).orderBy('id').execute()
    ).map((row) => [row.type, row.account_id]);

  describe('create', () => {
    it('generates a password, shows it once, and that password verifies', async () => {
      const run = await t.run([
        'users',
        'create',
        'Claire.Tremblay',
        '--email',
        'claire@example.ca',
        '--name',
        'Claire Tremblay',
      ]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const stored = await account('claire.tremblay');
      expect(run.stdout).toContain(`Created account Claire.Tremblay (id ${stored.id}).`);
      const password = /^Password \(shown once\): (\S+)$/m.exec(run.stdout)?.[1];
      expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
      expect(await t.hasher.verify(stored.password_hash, password as string)).toBe(true);
      expect(stored).toMatchObject({
        username: 'Claire.Tremblay',
        email: 'claire@example.ca',
        name: 'Claire Tremblay',
        locked: 0,
      });
      expect(await auditTypes()).toEqual([['account.created', stored.id]]);
    });

    it('reads the password from stdin, less one trailing newline, and never prints it', async () => {
      const run = await t.run(['users', 'create', 'marc', '--password-stdin'], `${PASSWORD}\n`);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain('Password');
      expect(run.stdout).not.toContain(PASSWORD);
      const stored = await account('marc');
      expect(await t.hasher.verify(stored.password_hash, PASSWORD)).toBe(true);
      expect(await t.hasher.verify(stored.password_hash, `${PASSWORD}\n`)).toBe(false);
      expect(stored.name).toBe('marc');
    });

    it('keeps a newline that is part of the password when two were given', async () => {
      await t.run(['users', 'create', 'marc', '--password-stdin'], `${PASSWORD}\r\n\r\n`);
      const stored = await account('marc');
      expect(await t.hasher.verify(stored.password_hash, `${PASSWORD}\r\n`)).toBe(true);
    });

    it('refuses a duplicate username, in any case or width, and an email already used', async () => {
      await t.run(['users', 'create', 'Claire', '--email', 'claire@example.ca']);
      for (const argv of [
        ['users', 'create', 'Claire'],
        ['users', 'create', 'CLAIRE'],
        ['users', 'create', 'ｃｌａｉｒｅ'],
        ['users', 'create', 'claire@EXAMPLE.ca'],
        ['users', 'create', 'other', '--email', 'Claire@Example.CA'],
      ]) {
        const run = await t.run(argv);
        expect(run, argv.join(' ')).toEqual({
          code: 1,
          stdout: '',
          stderr: 'sesame: username or email already used by another account\n',
        });
      }
      expect(await t.db.selectFrom('accounts').select('id').execute()).toHaveLength(1);
    });

    it('refuses a weak password with a readable reason and creates nothing', async () => {
      const cases: Array<[string, string]> = [
        [
          'short',
          'sesame: password too short: at least 8 characters (15 when no MFA is required)\n',
        ],
        ['password123', 'sesame: password too common or too easy to guess\n'],
        [
          'marc-le-grand',
          "sesame: password contains the username, email, name or the service's name\n",
        ],
        ['x'.repeat(129), 'sesame: password too long: at most 128 characters\n'],
      ];
      for (const [password, stderr] of cases) {
        const run = await t.run(['users', 'create', 'marc', '--password-stdin'], `${password}\n`);
        expect(run, password).toEqual({ code: 1, stdout: '', stderr });
      }
      expect(await t.db.selectFrom('accounts').select('id').execute()).toEqual([]);
      expect(await auditTypes()).toEqual([]);
    });

    it('refuses an invalid username or email', async () => {
      expect((await t.run(['users', 'create', 'bad name'])).stderr).toBe(
        'sesame: invalid username: only letters, digits and . _ - @ + are allowed\n',
      );
      const run = await t.run(['users', 'create', 'marc', '--email', 'not-an-address']);
      expect(run).toMatchObject({
        code: 1,
        stderr: 'sesame: invalid email: expected an address like name@example.org\n',
      });
    });

    it('reports a missing username or an unknown flag as a usage error', async () => {
      expect(await t.run(['users', 'create'])).toEqual({
        code: 2,
        stdout: '',
        stderr: "sesame: users create: missing <username> (see 'sesame users --help')\n",
      });
      const run = await t.run(['users', 'create', 'marc', '--password', 'x']);
      expect(run).toMatchObject({
        code: 2,
        stderr: "sesame: users create: unknown option '--password' (see 'sesame users --help')\n",
      });
    });
  });

  describe('list', () => {
    beforeEach(async () => {
      await t.run([
        'users',
        'create',
        'claire',
        '--email',
        'claire@example.ca',
        '--name',
        'Claire Tremblay',
      ]);
      t.clock.advance(60);
      await t.run(['users', 'create', 'marc']);
      await t.run(['users', 'lock', 'marc']);
    });

    it('shows a table with status, MFA, authenticators and UTC creation time', async () => {
      const run = await t.run(['users', 'list']);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(
        [
          'USERNAME  EMAIL              NAME             STATUS  MFA  AUTHENTICATORS  CREATED (UTC)',
          'claire    claire@example.ca  Claire Tremblay  active  org  0               2026-03-01T14:05:09Z',
          'marc      -                  marc             locked  org  0               2026-03-01T14:06:09Z',
          '',
        ].join('\n'),
      );
    });

    it('says who requires MFA and counts active authenticators only', async () => {
      const claire = (await account('claire')).id;
      const marc = (await account('marc')).id;
      await insertAuthenticator(t.db, { id: 'c1', accountId: claire, status: 'active', nowMs: 0 });
      await insertAuthenticator(t.db, { id: 'c2', accountId: claire, status: 'active', nowMs: 0 });
      await insertAuthenticator(t.db, { id: 'c3', accountId: claire, status: 'pending', nowMs: 0 });
      await insertAuthenticator(t.db, { id: 'm1', accountId: marc, status: 'pending', nowMs: 0 });
      await t.run(['users', 'require-mfa', 'marc']);
      const table = async () =>
        (await t.run(['users', 'list'])).stdout
          .trimEnd()
          .split('\n')
          .map((line) => line.split(/ {2,}/).slice(4, 6));
      expect(await table()).toEqual([
        ['MFA', 'AUTHENTICATORS'],
        ['org', '2'],
        ['account', '0'],
      ]);
      await setOrgMfaRequired(t.db, false);
      expect(await table()).toEqual([
        ['MFA', 'AUTHENTICATORS'],
        ['no', '2'],
        ['account', '0'],
      ]);
      const rows = JSON.parse((await t.run(['users', 'list', '--json'])).stdout);
      expect(rows).toMatchObject([
        { username: 'claire', mfaRequired: false, mfaRequiredForAccount: false, authenticators: 2 },
        { username: 'marc', mfaRequired: true, mfaRequiredForAccount: true, authenticators: 0 },
      ]);
    });

    it('gives JSON with --json', async () => {
      const run = await t.run(['users', 'list', '--json']);
      const rows = JSON.parse(run.stdout);
      expect(rows).toEqual([
        {
          id: expect.any(String),
          username: 'claire',
          email: 'claire@example.ca',
          name: 'Claire Tremblay',
          locked: false,
          mfaRequired: true,
          mfaRequiredForAccount: false,
          authenticators: 0,
          createdAt: '2026-03-01T14:05:09Z',
        },
        {
          id: expect.any(String),
          username: 'marc',
          email: null,
          name: 'marc',
          locked: true,
          mfaRequired: true,
          mfaRequiredForAccount: false,
          authenticators: 0,
          createdAt: '2026-03-01T14:06:09Z',
        },
      ]);
      expect(run.stdout).not.toContain('password');
    });

    it('neutralises control characters of a name in the table and escapes them in JSON', async () => {
      await t.run(['users', 'create', 'evil', '--name', 'Eve \u001b[31mRed\u202e']);
      const table = (await t.run(['users', 'list'])).stdout;
      expect(table).not.toContain('\u001b');
      expect(table).not.toContain('\u202e');
      expect(table).toContain('Eve \uFFFD[31mRed\uFFFD');
      const json = (await t.run(['users', 'list', '--json'])).stdout;
      expect(json).not.toContain('\u001b');
      expect(json).not.toContain('\u202e');
      const rows: Array<{ username: string; name: string }> = JSON.parse(json);
      expect(rows.find((row) => row.username === 'evil')?.name).toBe('Eve \u001b[31mRed\u202e');
    });

    it('says so when there is no account', async () => {
      const empty = await openCliHarness(backend);
      try {
        expect((await empty.run(['users', 'list'])).stdout).toBe('No accounts.\n');
        expect(JSON.parse((await empty.run(['users', 'list', '--json'])).stdout)).toEqual([]);
      } finally {
        await empty.close();
      }
    });
  });

  describe('lock and unlock', () => {
    let id: string;
    beforeEach(async () => {
      await t.run(['users', 'create', 'claire', '--email', 'claire@example.ca']);
      id = (await account('claire')).id;
    });

    it('locks by username or email, in any case, and records it', async () => {
      expect(await t.run(['users', 'lock', 'CLAIRE@Example.ca'])).toEqual({
        code: 0,
        stdout:
          'Locked claire; 0 session and token records revoked, 0 sign-ins in progress ended.\n',
        stderr: '',
      });
      expect((await account('claire')).locked).toBe(1);
      expect((await auditTypes()).at(-1)).toEqual(['account.locked', id]);
    });

    it('unlocks and clears the failure counter of that account only', async () => {
      await t.run(['users', 'lock', 'claire']);
      await t.db
        .insertInto('attempt_counters')
        .values([
          { key: accountLimitKey(id), failures: 100, window_started_at: START, locked_until: null },
          { key: 'ip:203.0.113.0/24', failures: 3, window_started_at: START, locked_until: null },
        ])
        .execute();
      const run = await t.run(['users', 'unlock', 'Claire']);
      expect(run).toEqual({
        code: 0,
        stdout: 'Unlocked claire; failed sign-in counters reset.\n',
        stderr: '',
      });
      expect((await account('claire')).locked).toBe(0);
      const keys = await t.db.selectFrom('attempt_counters').select('key').execute();
      expect(keys).toEqual([{ key: 'ip:203.0.113.0/24' }]);
      expect((await auditTypes()).slice(1)).toEqual([
        ['account.locked', id],
        ['account.unlocked', id],
      ]);
    });

    it('reports an unknown account with exit code 1', async () => {
      for (const command of ['lock', 'unlock']) {
        expect(await t.run(['users', command, 'ghost'])).toEqual({
          code: 1,
          stdout: '',
          stderr: 'sesame: no account named ghost\n',
        });
      }
    });

    it('takes exactly one username', async () => {
      expect((await t.run(['users', 'lock'])).code).toBe(2);
      expect((await t.run(['users', 'lock', 'claire', 'marc'])).stderr).toBe(
        "sesame: users lock: unexpected argument 'marc' (see 'sesame users --help')\n",
      );
    });
  });

  describe('set-password', () => {
    beforeEach(async () => {
      await t.run(['users', 'create', 'claire', '--name', 'Claire Tremblay']);
    });

    it('replaces the hash with one of the new password, and records it', async () => {
      const before = (await account('claire')).password_hash;
      const run = await t.run(
        ['users', 'set-password', 'CLAIRE', '--password-stdin'],
        `${PASSWORD}\n`,
      );
      expect(run).toEqual({ code: 0, stdout: 'Password of claire changed.\n', stderr: '' });
      const after = await account('claire');
      expect(after.password_hash).not.toBe(before);
      expect(await t.hasher.verify(after.password_hash, PASSWORD)).toBe(true);
      expect((await auditTypes()).at(-1)).toEqual(['account.password_changed', after.id]);
    });

    it("refuses a weak password, or one made of the person's name", async () => {
      const before = (await account('claire')).password_hash;
      for (const password of ['short', 'Tremblay forever']) {
        const run = await t.run(['users', 'set-password', 'claire', '--password-stdin'], password);
        expect(run.code, password).toBe(1);
        expect(run.stderr).toMatch(/^sesame: password /);
      }
      expect((await account('claire')).password_hash).toBe(before);
    });

    it('needs --password-stdin and an existing account', async () => {
      expect(await t.run(['users', 'set-password', 'claire'])).toEqual({
        code: 2,
        stdout: '',
        stderr:
          "sesame: users set-password: --password-stdin is required (see 'sesame users --help')\n",
      });
      const run = await t.run(['users', 'set-password', 'ghost', '--password-stdin'], PASSWORD);
      expect(run).toEqual({ code: 1, stdout: '', stderr: 'sesame: no account named ghost\n' });
    });
  });

  describe('require-mfa', () => {
    let id: string;
    beforeEach(async () => {
      await t.run(['users', 'create', 'claire', '--email', 'claire@example.ca']);
      id = (await account('claire')).id;
      await setOrgMfaRequired(t.db, false);
    });

    const auditRows = async () =>
      (
        await t.db
          .selectFrom('audit_events')
          .select(['type', 'account_id', 'reason'])
          .orderBy('id')
          .execute()
      ).slice(1);

    it('sets the flag, by username or email in any case, and records it', async () => {
      t.clock.advance(60);
      expect(await t.run(['users', 'require-mfa', 'Claire@Example.CA'])).toEqual({
        code: 0,
        stdout:
          'MFA required for claire, who has no active authenticator yet and enrolls at the next sign-in.\n',
        stderr: '',
      });
      expect(await account('claire')).toMatchObject({
        mfa_required: 1,
        updated_at: START_MS + 60_000,
      });
      expect(await auditRows()).toEqual([
        { type: 'account.mfa_requirement_changed', account_id: id, reason: 'on' },
      ]);
    });

    it('does not speak of enrollment when the account already has an active authenticator', async () => {
      await insertAuthenticator(t.db, { id: 'a1', accountId: id, status: 'active', nowMs: 0 });
      expect((await t.run(['users', 'require-mfa', 'claire'])).stdout).toBe(
        'MFA required for claire.\n',
      );
    });

    it('clears the flag with --off, and says when the organization still requires MFA', async () => {
      await t.run(['users', 'require-mfa', 'claire']);
      expect(await t.run(['users', 'require-mfa', 'claire', '--off'])).toEqual({
        code: 0,
        stdout: 'MFA no longer required for claire.\n',
        stderr: '',
      });
      expect((await account('claire')).mfa_required).toBe(0);
      await setOrgMfaRequired(t.db, true);
      await t.run(['users', 'require-mfa', 'claire']);
      expect((await t.run(['users', 'require-mfa', '--off', 'claire'])).stdout).toBe(
        "MFA no longer required for claire by the account; still required by the organization (see 'sesame org show').\n",
      );
      expect((await auditRows()).map((row) => row.reason)).toEqual(['on', 'off', 'on', 'off']);
    });

    it('reports an unknown account with exit code 1, and usage errors with 2', async () => {
      expect(await t.run(['users', 'require-mfa', 'ghost'])).toEqual({
        code: 1,
        stdout: '',
        stderr: 'sesame: no account named ghost\n',
      });
      const cases: Array<[string[], string]> = [
        [
          ['users', 'require-mfa'],
          "sesame: users require-mfa: missing <username> (see 'sesame users --help')\n",
        ],
        [
          ['users', 'require-mfa', 'claire', 'marc'],
          "sesame: users require-mfa: unexpected argument 'marc' (see 'sesame users --help')\n",
        ],
        [
          ['users', 'require-mfa', 'claire', '--on'],
          "sesame: users require-mfa: unknown option '--on' (see 'sesame users --help')\n",
        ],
        [
          ['users', 'require-mfa', 'claire', '--off=yes'],
          "sesame: users require-mfa: option '--off' does not take an argument (see 'sesame users --help')\n",
        ],
      ];
      for (const [argv, stderr] of cases) {
        expect(await t.run(argv), argv.join(' ')).toEqual({ code: 2, stdout: '', stderr });
      }
      expect((await account('claire')).mfa_required).toBe(0);
      expect(await auditRows()).toEqual([]);
    });
  });

  describe('reset-mfa', () => {
    let claire: string;
    let marc: string;
    beforeEach(async () => {
      await t.run(['users', 'create', 'claire', '--email', 'claire@example.ca']);
      await t.run(['users', 'create', 'marc']);
      claire = (await account('claire')).id;
      marc = (await account('marc')).id;
      for (const [authenticator, status] of [
        ['c1', 'active'],
        ['c2', 'active'],
        ['c3', 'pending'],
      ] as const) {
        await insertAuthenticator(t.db, { id: authenticator, accountId: claire, status, nowMs: 0 });
      }
      await insertAuthenticator(t.db, { id: 'm1', accountId: marc, status: 'active', nowMs: 0 });
      await insertDevice(t.db, { id: 'd1', accountId: claire, authenticatorId: 'c1', nowMs: 0 });
      await insertDevice(t.db, { id: 'd2', accountId: marc, authenticatorId: 'm1', nowMs: 0 });
    });

    it('removes every authenticator and device of the account, says how many, and records it', async () => {
      const run = await t.run(['users', 'reset-mfa', 'CLAIRE@example.ca']);
      expect(run).toEqual({
        code: 0,
        stdout: [
          'Removed 3 authenticators and 1 device of claire.',
          'MFA is required: claire will enroll again at the next sign-in.',
          '',
        ].join('\n'),
        stderr: '',
      });
      expect(await t.db.selectFrom('authenticators').select('id').execute()).toEqual([
        { id: 'm1' },
      ]);
      expect(await t.db.selectFrom('devices').select('id').execute()).toEqual([{ id: 'd2' }]);
      expect((await auditTypes()).at(-1)).toEqual(['account.mfa_reset', claire]);
      const rows = JSON.parse((await t.run(['users', 'list', '--json'])).stdout);
      expect(rows.map((row: { authenticators: number }) => row.authenticators)).toEqual([0, 1]);
    });

    it('says when MFA is not required, and counts nothing left to remove', async () => {
      await setOrgMfaRequired(t.db, false);
      await t.run(['users', 'reset-mfa', 'claire']);
      expect((await t.run(['users', 'reset-mfa', 'claire'])).stdout).toBe(
        [
          'Removed 0 authenticators and 0 devices of claire.',
          'MFA is not required for claire now; if it becomes required, claire will enroll again at the next sign-in.',
          '',
        ].join('\n'),
      );
      const single = await t.run(['users', 'reset-mfa', 'marc']);
      expect(single.stdout).toMatch(/^Removed 1 authenticator and 1 device of marc\.\n/);
    });

    it('reports an unknown account with exit code 1, and usage errors with 2', async () => {
      expect(await t.run(['users', 'reset-mfa', 'ghost'])).toEqual({
        code: 1,
        stdout: '',
        stderr: 'sesame: no account named ghost\n',
      });
      expect(await t.run(['users', 'reset-mfa'])).toEqual({
        code: 2,
        stdout: '',
        stderr: "sesame: users reset-mfa: missing <username> (see 'sesame users --help')\n",
      });
      expect((await t.run(['users', 'reset-mfa', 'claire', 'marc'])).code).toBe(2);
      expect((await t.run(['users', 'reset-mfa', 'claire', '--all'])).code).toBe(2);
      expect(await t.db.selectFrom('authenticators').select('id').execute()).toHaveLength(4);
      expect(await t.db.selectFrom('devices').select('id').execute()).toHaveLength(2);
      expect((await auditTypes()).map(([type]) => type)).not.toContain('account.mfa_reset');
    });
  });
});

const START = Date.UTC(2026, 2, 1);

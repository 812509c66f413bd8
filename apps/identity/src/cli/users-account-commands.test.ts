import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { temporaryAccessMacPurpose } from '../factors/temporary-access-code/temporary-access-code.ts';
import { insertAuthenticator } from '../policy/mfa-test-rows.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';

describe.each(testBackends())('sesame users show, access-code, sign-out (%s)', (backend) => {
  let t: CliHarness;
  let claireId: string;
  beforeEach(async () => {
    t = await openCliHarness(backend);
    const made = await t.run([
      'users',
      'create',
      'claire',
      '--email',
      'claire@example.ca',
      '--json',
    ]);
    claireId = (JSON.parse(made.stdout) as { accountId: string }).accountId;
  });
  afterEach(() => t.close());

  const audit = () =>
    t.db.selectFrom('audit_events').select(['type', 'actor', 'account_id']).orderBy('id').execute();

  it('creates through the console’s operation: generated password in JSON once, audited as cli', async () => {
    const run = await t.run(['users', 'create', 'marc', '--json']);
    const created = JSON.parse(run.stdout);
    expect(created).toEqual({
      accountId: expect.any(String),
      username: 'marc',
      password: expect.stringMatching(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/),
      verificationLink: null,
    });
    expect((await audit()).at(-1)).toEqual({
      type: 'account.created',
      actor: 'cli',
      account_id: created.accountId,
    });
    const taken = await t.run(['users', 'create', 'MARC', '--json']);
    expect(taken.code).toBe(1);
    expect(JSON.parse(taken.stderr).error.code).toBe('accounts.identifier_taken');
  });

  it('shows the account, its methods and its latest sign-ins', async () => {
    await insertAuthenticator(t.db, {
      id: 'app-1',
      accountId: claireId,
      status: 'active',
      nowMs: t.clock.now,
    });
    await recordAuditEvent(
      t.db,
      {
        type: 'sign_in.succeeded',
        accountId: claireId,
        ip: '203.0.113.9',
        clientId: 'espace-client',
      },
      t.clock.now,
    );
    const shown = JSON.parse((await t.run(['users', 'show', 'CLAIRE', '--json'])).stdout);
    expect(shown).toMatchObject({
      id: claireId,
      username: 'claire',
      email: 'claire@example.ca',
      emailVerified: false,
      locked: false,
      role: null,
      methods: [expect.objectContaining({ description: expect.any(String) })],
      recentSignIns: [{ type: 'sign_in.succeeded', ip: '203.0.113.9', clientId: 'espace-client' }],
    });
    const text = (await t.run(['users', 'show', 'claire'])).stdout;
    expect(text).toMatch(/^claire \(id /);
    expect(text).toContain('Methods:');
    expect(text).toContain('203.0.113.9');
  });

  it('issues a temporary access code, kept only as its keyed hash, audited as cli', async () => {
    const run = await t.run(['users', 'access-code', 'claire', '--json']);
    const issued = JSON.parse(run.stdout) as { code: string; expiresAt: string };
    expect(Date.parse(issued.expiresAt) - t.clock.now).toBe(3600_000);
    const stored = await t.db.selectFrom('temporary_access_codes').selectAll().execute();
    expect(stored).toEqual([
      expect.objectContaining({
        code_mac: t.box.mac(issued.code, temporaryAccessMacPurpose),
        issued_by: 'cli',
      }),
    ]);
    expect(JSON.stringify(stored)).not.toContain(issued.code);
    expect((await audit()).at(-1)).toMatchObject({
      type: 'temporary_access_code.issued',
      actor: 'cli',
    });
    expect((await t.run(['users', 'access-code', 'claire'])).stdout).toMatch(
      /^Temporary access code of claire \(shown once, single use, until \S+Z\): \S+\n$/,
    );
  });

  it('signs the account out everywhere, audited as cli', async () => {
    const run = await t.run(['users', 'sign-out', 'claire', '--json']);
    expect(JSON.parse(run.stdout)).toEqual({
      accountId: claireId,
      username: 'claire',
      recordsRevoked: 0,
      flowsEnded: 0,
    });
    expect((await audit()).at(-1)).toEqual({
      type: 'account.signed_out_everywhere',
      actor: 'cli',
      account_id: claireId,
    });
  });

  it('lists the accounts a search finds, as the console’s users page', async () => {
    await t.run(['users', 'create', 'marc', '--name', 'Marc Gagnon']);
    const found = async (text: string) =>
      (
        JSON.parse((await t.run(['users', 'list', '--search', text, '--json'])).stdout) as Array<{
          username: string;
        }>
      ).map((row) => row.username);
    expect(await found('GAGNON')).toEqual(['marc']);
    expect(await found('example.ca')).toEqual(['claire']);
    expect(await found('nobody')).toEqual([]);
  });
});

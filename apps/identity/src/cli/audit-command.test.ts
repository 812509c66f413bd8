import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { type CliHarness, openCliHarness, START_MS } from './cli-test-kit.ts';

const STDIN_PASSWORD = 'rivière gelée 2026';
const NEW_PASSWORD = 'another fine passphrase';

describe.each(testBackends())('sesame audit (%s)', (backend) => {
  let t: CliHarness;
  let generated: string;
  let claireId: string;
  beforeEach(async () => {
    t = await openCliHarness(backend);
    const created = await t.run(['users', 'create', 'claire', '--email', 'claire@example.ca']);
    generated = /Password \(shown once\): (\S+)/.exec(created.stdout)?.[1] as string;
    claireId = /\(id ([^)]+)\)/.exec(created.stdout)?.[1] as string;
    t.clock.advance(1);
    await t.run(['users', 'create', 'marc', '--password-stdin'], STDIN_PASSWORD);
    t.clock.advance(1);
    await t.run(['users', 'lock', 'marc']);
    t.clock.advance(1);
    await t.run(['users', 'set-password', 'claire', '--password-stdin'], NEW_PASSWORD);
    t.clock.advance(1);
    await recordAuditEvent(
      t.db,
      {
        type: 'sign_in.failed',
        accountId: claireId,
        clientId: 'espace-client',
        ip: '203.0.113.7',
        userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 \u001b[2J${'x'.repeat(80)}`,
        reason: 'bad_password',
      },
      t.clock.now,
    );
    t.clock.advance(1);
    await recordAuditEvent(
      t.db,
      { type: 'sign_in.failed', accountId: 'gone-account-id', reason: 'unknown_account' },
      t.clock.now,
    );
    await recordAuditEvent(t.db, { type: 'sign_in.failed', reason: 'throttled' }, t.clock.now);
  });
  afterEach(() => t.close());

  it('lists the events newest first, with usernames, in a table', async () => {
    const run = await t.run(['audit']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TIME \(UTC\) +TYPE +USER +ACTOR +REASON +IP +CLIENT +USER AGENT$/);
    expect(lines.slice(1).map((line) => line.split(/ {2,}/).slice(0, 5))).toEqual([
      ['2026-03-01T14:05:14Z', 'sign_in.failed', '-', '-', 'throttled'],
      ['2026-03-01T14:05:14Z', 'sign_in.failed', 'gone-account-id', '-', 'unknown_account'],
      ['2026-03-01T14:05:13Z', 'sign_in.failed', 'claire', '-', 'bad_password'],
      ['2026-03-01T14:05:12Z', 'account.password_changed', 'claire', 'cli', '-'],
      ['2026-03-01T14:05:11Z', 'account.locked', 'marc', 'cli', '-'],
      ['2026-03-01T14:05:10Z', 'account.created', 'marc', 'cli', '-'],
      ['2026-03-01T14:05:09Z', 'account.created', 'claire', 'cli', '-'],
    ]);
    expect(new Date(START_MS).toISOString()).toBe('2026-03-01T14:05:09.000Z');
  });

  it('shows IP, client and a truncated user agent without its escape characters', async () => {
    const line =
      (await t.run(['audit'])).stdout.split('\n').find((l) => l.includes('bad_password')) ?? '';
    expect(line).toContain('203.0.113.7');
    expect(line).toContain('espace-client');
    expect(line).toMatch(/Mozilla\/5\.0 \(X11; Linux x86_64\) AppleWe…$/);
    expect(line).not.toContain('\u001b');
  });

  it('gives every field in JSON, the user agent whole', async () => {
    const events = JSON.parse((await t.run(['audit', '--json'])).stdout);
    expect(events).toHaveLength(7);
    expect(events[2]).toMatchObject({
      time: '2026-03-01T14:05:13Z',
      type: 'sign_in.failed',
      accountId: claireId,
      username: 'claire',
      reason: 'bad_password',
      ip: '203.0.113.7',
      clientId: 'espace-client',
      userAgent: expect.stringMatching(/x{80}$/),
    });
    expect(events[1]).toMatchObject({ accountId: 'gone-account-id', username: null });
    expect(events.map((e: { id: number }) => e.id)).toEqual(
      [...events.map((e: { id: number }) => e.id)].sort((a, b) => b - a),
    );
  });

  it('filters by account (username or email, any case) and limits the count', async () => {
    const run = await t.run(['audit', '--user', 'CLAIRE@example.ca', '--limit', '2', '--json']);
    const events = JSON.parse(run.stdout);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'sign_in.failed',
      'account.password_changed',
    ]);
    expect(events.every((e: { accountId: string }) => e.accountId === claireId)).toBe(true);
    expect(await t.run(['audit', '--user', 'ghost'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'sesame: no account named ghost\n',
    });
  });

  it('never shows a password, generated or typed', async () => {
    const outputs = [(await t.run(['audit'])).stdout, (await t.run(['audit', '--json'])).stdout];
    const stored = JSON.stringify(await t.db.selectFrom('audit_events').selectAll().execute());
    for (const text of [...outputs, stored]) {
      for (const secret of [generated, STDIN_PASSWORD, NEW_PASSWORD])
        expect(text).not.toContain(secret);
    }
  });

  it('refuses a bad --limit as a usage error', async () => {
    for (const limit of ['0', '1001', '-5', '1e3', 'ten', '']) {
      const run = await t.run(['audit', `--limit=${limit}`]);
      expect(run, limit).toEqual({
        code: 2,
        stdout: '',
        stderr:
          "sesame: audit: --limit must be a whole number from 1 to 1000 (see 'sesame audit --help')\n",
      });
    }
    expect((await t.run(['audit', '--limit', '1000'])).code).toBe(0);
  });

  it('says so when there is nothing to show', async () => {
    await t.db.deleteFrom('audit_events').execute();
    expect((await t.run(['audit'])).stdout).toBe('No audit events.\n');
    expect((await t.run(['audit', '--json'])).stdout).toBe('[]\n');
  });

  it('filters as the console does: type or its start, outcome, time; exports CSV and JSON Lines', async () => {
    const types = async (...argv: string[]) =>
      (
        JSON.parse((await t.run(['audit', ...argv, '--json'])).stdout) as Array<{ type: string }>
      ).map((event) => event.type);
    expect(await types('--type', 'sign_in.')).toEqual(Array(3).fill('sign_in.failed'));
    expect(await types('--type', 'account.locked')).toEqual(['account.locked']);
    expect(await types('--outcome', 'failure')).toHaveLength(3);
    expect(await types('--outcome', 'success')).toHaveLength(4);
    expect(await types('--since', '2026-03-01T14:05:13Z', '--type', 'account.')).toEqual([]);
    expect(await types('--until', '2026-03-01T14:05:11Z')).toEqual([
      'account.created',
      'account.created',
    ]);
    expect(await types('--since', '2026-03-02')).toEqual([]);
    expect(await types('--until', '2026-03-01')).toHaveLength(7);
    const csv = await t.run(['audit', '--format', 'csv', '--type', 'account.locked']);
    expect(csv.stdout.split('\n')[1]).toContain('account.locked');
    const jsonl = await t.run(['audit', '--format', 'jsonl']);
    expect(jsonl.stdout.trimEnd().split('\n')).toHaveLength(7);
    for (const argv of [
      ['--outcome', 'maybe'],
      ['--since', 'yesterday'],
      ['--type', 'DROP TABLE'],
      ['--format', 'xml'],
    ]) {
      const run = await t.run(['audit', ...argv, '--json']);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(JSON.parse(run.stderr).error.code).toBe('usage');
    }
  });
});

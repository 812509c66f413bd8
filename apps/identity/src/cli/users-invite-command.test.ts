/** `sesame users invite`: an account without a password, its link in the outbox; `--resend`. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { noPasswordHash } from '../accounts/create-account.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';

describe.each(testBackends())('sesame users invite (%s)', (backend) => {
  let t: CliHarness;
  beforeEach(async () => {
    t = await openCliHarness(backend);
  });
  afterEach(() => t.close());

  const links = async () =>
    (await t.db.selectFrom('outbox_messages').select('text_body').execute()).map(
      (m) => /\/invitation\?token=[\w-]+/.exec(m.text_body)?.[0],
    );

  it('creates the account without a password and mails the link; --resend replaces it', async () => {
    const run = await t.run([
      'users',
      'invite',
      'zoe',
      '--email',
      'zoe@example.ca',
      '--name',
      'Zoé Roy',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Created account zoe');
    expect(run.stdout).toContain('Invitation sent to zoe@example.ca, valid 7 days');
    const account = await t.db
      .selectFrom('accounts')
      .select(['password_hash'])
      .where('username', '=', 'zoe')
      .executeTakeFirstOrThrow();
    expect(account.password_hash).toBe(noPasswordHash);
    expect((await links()).filter(Boolean)).toHaveLength(1);
    expect((await t.run(['users', 'invite', 'zoe', '--resend'])).code).toBe(0);
    const tokens = await t.db
      .selectFrom('email_tokens')
      .select(['used_at'])
      .where('purpose', '=', 'invitation')
      .orderBy('created_at')
      .execute();
    expect(tokens.map((row) => row.used_at === null)).toEqual([false, true]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['type', 'reason', 'actor'])
      .where('type', '=', 'account.invited')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { type: 'account.invited', reason: 'sent', actor: 'cli' },
      { type: 'account.invited', reason: 'resent', actor: 'cli' },
    ]);
  });

  it('wants an address, and refuses an account that has a password', async () => {
    expect((await t.run(['users', 'invite', 'zoe'])).code).toBe(2);
    await t.run(['users', 'create', 'paul', '--email', 'paul@example.ca']);
    const run = await t.run(['users', 'invite', 'paul', '--resend']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('paul has already chosen a password');
  });
});

/** `sesame users grant-admin` and `revoke-admin`: the role, its audit record, clear errors. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';

describe.each(testBackends())('sesame users grant-admin (%s)', (backend) => {
  let t: CliHarness;
  beforeEach(async () => {
    t = await openCliHarness(backend);
    await t.run(['users', 'create', 'ariane', '--email', 'ariane@example.ca']);
  });
  afterEach(() => t.close());

  const role = async () =>
    (
      await t.db
        .selectFrom('accounts')
        .select('role')
        .where('username', '=', 'ariane')
        .executeTakeFirstOrThrow()
    ).role;
  const roleAudit = async () =>
    t.db
      .selectFrom('audit_events')
      .select(['type', 'reason', 'actor'])
      .where('type', '=', 'account.role_changed')
      .orderBy('id')
      .execute();

  it('makes an administrator, by username or email, and records who did it', async () => {
    const run = await t.run(['users', 'grant-admin', 'Ariane@Example.CA']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^ariane is an administrator: http.*\/admin \(always with MFA\)\.\n$/,
    );
    expect(await role()).toBe('admin');
    expect(await roleAudit()).toEqual([
      { type: 'account.role_changed', reason: 'admin', actor: 'cli' },
    ]);
  });

  it('puts an account on the help desk with --helpdesk, and takes the access away', async () => {
    expect((await t.run(['users', 'grant-admin', 'ariane', '--helpdesk'])).code).toBe(0);
    expect(await role()).toBe('helpdesk');
    expect(await t.run(['users', 'revoke-admin', 'ariane'])).toMatchObject({
      code: 0,
      stdout: 'ariane no longer has access to the administration console.\n',
    });
    expect(await role()).toBeNull();
    expect((await roleAudit()).map((row) => row.reason)).toEqual(['helpdesk', 'none']);
  });

  it('says so for an unknown account, and changes nothing', async () => {
    const run = await t.run(['users', 'grant-admin', 'nobody']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('nobody');
    expect(await roleAudit()).toEqual([]);
  });
});

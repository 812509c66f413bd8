import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';

describe.each(testBackends())('sesame users set-phone (%s)', (backend) => {
  let t: CliHarness;
  beforeEach(async () => {
    t = await openCliHarness(backend);
    await t.run(['users', 'create', 'marc', '--password-stdin'], 'chute Montmorency 83 m');
  });
  afterEach(() => t.close());

  const stored = async () =>
    (await t.db.selectFrom('accounts').select('phone_number').executeTakeFirst())?.phone_number;

  it('sets the number in E.164 (spaces and dashes allowed), audited, and removes it', async () => {
    const set = await t.run(['users', 'set-phone', 'marc', '+1 514-555-0100']);
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toContain('Phone number of marc: +15145550100.');
    expect(await stored()).toBe('+15145550100');
    const removed = await t.run(['users', 'set-phone', 'marc', '--remove']);
    expect(removed.code).toBe(0);
    expect(await stored()).toBe(null);
    const events = await t.db
      .selectFrom('audit_events')
      .select(['type', 'reason', 'actor'])
      .where('type', '=', 'account.phone_changed')
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { type: 'account.phone_changed', reason: 'set', actor: 'cli' },
      { type: 'account.phone_changed', reason: 'removed', actor: 'cli' },
    ]);
  });

  it('refuses what is not an E.164 number, and an unknown account', async () => {
    for (const typed of ['5145550100', '+0145550100', '+1514555010012345', 'abc'])
      expect((await t.run(['users', 'set-phone', 'marc', typed])).code).not.toBe(0);
    expect(await stored()).toBe(null);
    const unknown = await t.run(['users', 'set-phone', 'nobody', '+15145550100']);
    expect(unknown.stderr).toContain('no account named nobody');
    expect((await t.run(['users', 'set-phone', 'marc'])).stderr).toContain(
      'missing <+E164 number>',
    );
  });
});

/** `sesame org self-registration on|off`: stored, shown by `org show`, audited. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';

describe.each(testBackends())('sesame org self-registration (%s)', (backend) => {
  let t: CliHarness;
  beforeEach(async () => {
    t = await openCliHarness(backend);
  });
  afterEach(() => t.close());

  it('is off by default, turns on and off, each change audited', async () => {
    expect((await t.run(['org', 'show'])).stdout).toContain('Self-registration: off\n');
    const on = await t.run(['org', 'self-registration', 'on']);
    expect(on.code).toBe(0);
    expect(on.stdout).toContain('Self-registration: on.');
    expect((await t.run(['org', 'show'])).stdout).toContain('Self-registration: on\n');
    expect((await t.run(['org', 'self-registration', 'off'])).code).toBe(0);
    expect((await t.run(['org', 'show'])).stdout).toContain('Self-registration: off\n');
    expect((await t.run(['org', 'self-registration', 'maybe'])).code).toBe(2);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['type', 'reason', 'actor'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { type: 'org.self_registration_changed', reason: 'on', actor: 'cli' },
      { type: 'org.self_registration_changed', reason: 'off', actor: 'cli' },
    ]);
  });
});

/**
 * `sesame users edit` and `users remove-method` on both backends: the console's operations with
 * `cli` as the actor — a new address unverified and sent its link (in the development outbox), an
 * address another account signs in with refused with its code and nothing changed; one method of
 * the account removed by its id, another account's id not found.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { insertAuthenticator } from '../policy/mfa-test-rows.ts';
import { type CliHarness, openCliHarness } from './cli-test-kit.ts';

describe.each(testBackends())('sesame users edit, remove-method (%s)', (backend) => {
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
    expect((await t.run(['users', 'create', 'marc', '--email', 'marc@example.ca'])).code).toBe(0);
  });
  afterEach(() => t.close());

  const claire = () =>
    t.db
      .selectFrom('accounts')
      .select(['name', 'email', 'email_verified_at'])
      .where('id', '=', claireId)
      .executeTakeFirstOrThrow();

  it('changes the name and the address, the new one sent its link; refuses a taken one', async () => {
    const edited = await t.run([
      'users',
      'edit',
      'claire',
      '--name',
      'Claire Bouchard',
      '--email',
      'claire.bouchard@example.ca',
      '--json',
    ]);
    expect(edited.code).toBe(0);
    expect(JSON.parse(edited.stdout)).toMatchObject({
      name: 'Claire Bouchard',
      email: 'claire.bouchard@example.ca',
      emailVerified: false,
      verificationSent: true,
    });
    const outbox = await t.db
      .selectFrom('outbox_messages')
      .select(['to_address', 'subject'])
      .execute();
    expect(outbox.map((m) => m.to_address)).toContain('claire.bouchard@example.ca');
    const taken = await t.run(['users', 'edit', 'claire', '--email', 'MARC@example.ca', '--json']);
    expect(taken.code).toBe(1);
    expect(JSON.parse(taken.stderr).error.code).toBe('accounts.identifier_taken');
    expect(await claire()).toMatchObject({ email: 'claire.bouchard@example.ca' });
    const removed = await t.run(['users', 'edit', 'claire', '--no-email']);
    expect(removed.code).toBe(0);
    expect((await claire()).email).toBeNull();
    const types = await t.db
      .selectFrom('audit_events')
      .select(['type', 'actor'])
      .where('account_id', '=', claireId)
      .where('type', 'in', ['account.email_changed', 'account.renamed'])
      .orderBy('id')
      .execute();
    expect(types).toEqual([
      { type: 'account.email_changed', actor: 'cli' },
      { type: 'account.renamed', actor: 'cli' },
      { type: 'account.email_changed', actor: 'cli' },
    ]);
    expect((await t.run(['users', 'edit', 'claire'])).code).toBe(2);
  });

  it('removes one method of the account by its id, and no other account’s', async () => {
    const [mine, his] = ['a-claire', 'a-marc'];
    const nowMs = t.clock.now;
    await insertAuthenticator(t.db, { id: mine, accountId: claireId, status: 'active', nowMs });
    const marcId = (
      await t.db
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', 'marc')
        .executeTakeFirstOrThrow()
    ).id;
    await insertAuthenticator(t.db, { id: his, accountId: marcId, status: 'active', nowMs });
    const shown = await t.run(['users', 'show', 'claire']);
    expect(shown.stdout).toContain(mine);
    const crossed = await t.run(['users', 'remove-method', 'claire', his, '--json']);
    expect(crossed.code).toBe(1);
    expect(JSON.parse(crossed.stderr).error.code).toBe('method.not_found');
    const done = await t.run(['users', 'remove-method', 'claire', mine, '--json']);
    expect(JSON.parse(done.stdout)).toEqual({ accountId: claireId, methodId: mine, removed: true });
    const left = await t.db.selectFrom('authenticators').select('id').execute();
    expect(left.map((row) => row.id)).toEqual([his]);
  });
});

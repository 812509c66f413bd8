import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cheapArgon2, openTestDb, type TestDb, testBackends } from '../../test/build-test-app.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { setOrgMfaRequired } from '../policy/mfa-policy.ts';
import { createAccount } from './create-account.ts';
import { createPasswordHasher } from './password-hasher.ts';

describe.each(testBackends())('createAccount (%s)', (backend) => {
  let testDb: TestDb;
  let deps: Parameters<typeof createAccount>[0];
  beforeEach(async () => {
    testDb = await openTestDb(backend);
    await migrateToLatest(testDb.db);
    deps = { db: testDb.db, hasher: createPasswordHasher(cheapArgon2), now: () => 0 };
  });
  afterEach(() => testDb.close());

  it('creates an account reachable by its username and email, once', async () => {
    const created = await createAccount(deps, {
      username: 'Odile',
      email: 'odile@example.ca',
      password: 'pont Jacques-Cartier',
    });
    expect(created.ok).toBe(true);
    const again = await createAccount(deps, {
      username: 'ODILE@example.ca',
      password: 'pont Jacques-Cartier',
    });
    expect(again).toMatchObject({ ok: false, code: 'accounts.identifier_taken' });
  });

  it('asks 15 characters when the organization requires no second factor', async () => {
    const fourteen = 'brume matinale';
    await setOrgMfaRequired(testDb.db, false);
    expect(await createAccount(deps, { username: 'paul', password: fourteen })).toMatchObject({
      ok: false,
      code: 'accounts.weak_password',
      reason: 'too_short',
    });
    await setOrgMfaRequired(testDb.db, true);
    expect((await createAccount(deps, { username: 'paul', password: fourteen })).ok).toBe(true);
  });
});

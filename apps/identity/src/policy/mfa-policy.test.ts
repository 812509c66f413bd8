import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb, testBackends } from '../../test/build-test-app.ts';
import { insertAccount } from '../accounts/queries.ts';
import type { Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { deleteAllAuthenticators } from '../factors/authenticator-queries.ts';
import {
  readMfaStanding,
  readOrgMfaRequired,
  setAccountMfaRequired,
  setOrgMfaRequired,
} from './mfa-policy.ts';
import { insertAuthenticator, insertDevice } from './mfa-test-rows.ts';

const NOW = Date.UTC(2026, 2, 1, 14, 5, 9);

async function addAccount(db: Kysely<Database>, username: string): Promise<string> {
  const id = `id-${username}`;
  await insertAccount(db, {
    id,
    username,
    canonicalUsername: username,
    email: null,
    canonicalEmail: null,
    name: username,
    passwordHash: 'not-a-real-hash',
    nowMs: NOW,
  });
  return id;
}

describe.each(testBackends())('MFA policy (%s)', (backend) => {
  let testDb: TestDb;
  let db: Kysely<Database>;
  let claire: string;
  let marc: string;
  beforeEach(async () => {
    testDb = await openTestDb(backend);
    db = testDb.db;
    await migrateToLatest(db);
    claire = await addAccount(db, 'claire');
    marc = await addAccount(db, 'marc');
  });
  afterEach(() => testDb.close());

  const mfaFlag = async (id: string) =>
    db
      .selectFrom('accounts')
      .select(['mfa_required', 'updated_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  describe('the organization setting', () => {
    it('is on when never set (the guide company requires MFA of everyone)', async () => {
      expect(await db.selectFrom('org_settings').selectAll().execute()).toEqual([]);
      expect(await readOrgMfaRequired(db)).toBe(true);
      expect(await readMfaStanding(db, claire)).toEqual({
        required: true,
        hasActiveAuthenticator: false,
      });
    });

    it('turns off and on again, one row rewritten in place', async () => {
      await setOrgMfaRequired(db, false);
      expect(await readOrgMfaRequired(db)).toBe(false);
      expect((await readMfaStanding(db, claire)).required).toBe(false);
      await setOrgMfaRequired(db, false);
      expect(await readOrgMfaRequired(db)).toBe(false);
      await setOrgMfaRequired(db, true);
      expect(await readOrgMfaRequired(db)).toBe(true);
      expect((await readMfaStanding(db, claire)).required).toBe(true);
      expect(await db.selectFrom('org_settings').selectAll().execute()).toEqual([
        { key: 'mfa_required', value: 'on' },
      ]);
    });
  });

  describe('the account flag', () => {
    beforeEach(() => setOrgMfaRequired(db, false));

    it('requires MFA of that account only, whatever the organization says', async () => {
      expect(await mfaFlag(claire)).toEqual({ mfa_required: 0, updated_at: NOW });
      await setAccountMfaRequired(db, claire, true, NOW + 1000);
      expect(await mfaFlag(claire)).toEqual({ mfa_required: 1, updated_at: NOW + 1000 });
      expect((await readMfaStanding(db, claire)).required).toBe(true);
      expect((await readMfaStanding(db, marc)).required).toBe(false);
      expect(await mfaFlag(marc)).toEqual({ mfa_required: 0, updated_at: NOW });
    });

    it('is cleared again; the organization setting still applies on its own', async () => {
      await setAccountMfaRequired(db, claire, true, NOW + 1000);
      await setAccountMfaRequired(db, claire, false, NOW + 2000);
      expect(await mfaFlag(claire)).toEqual({ mfa_required: 0, updated_at: NOW + 2000 });
      expect((await readMfaStanding(db, claire)).required).toBe(false);
      await setOrgMfaRequired(db, true);
      expect((await readMfaStanding(db, claire)).required).toBe(true);
    });
  });

  describe('the standing', () => {
    it('counts an active authenticator, not a pending one, nor one of another account', async () => {
      await insertAuthenticator(db, { id: 'a1', accountId: claire, status: 'pending', nowMs: NOW });
      await insertAuthenticator(db, { id: 'm1', accountId: marc, status: 'active', nowMs: NOW });
      expect(await readMfaStanding(db, claire)).toEqual({
        required: true,
        hasActiveAuthenticator: false,
      });
      await insertAuthenticator(db, { id: 'a2', accountId: claire, status: 'active', nowMs: NOW });
      expect(await readMfaStanding(db, claire)).toEqual({
        required: true,
        hasActiveAuthenticator: true,
      });
    });

    it('shows an authenticator even where MFA is not required (it is then used)', async () => {
      await setOrgMfaRequired(db, false);
      await insertAuthenticator(db, { id: 'a1', accountId: claire, status: 'active', nowMs: NOW });
      expect(await readMfaStanding(db, claire)).toEqual({
        required: false,
        hasActiveAuthenticator: true,
      });
    });
  });

  describe('deleteAllAuthenticators (the reset)', () => {
    it("removes every authenticator of the account and its devices, and no one else's", async () => {
      await insertAuthenticator(db, { id: 'a1', accountId: claire, status: 'active', nowMs: NOW });
      await insertAuthenticator(db, { id: 'a2', accountId: claire, status: 'pending', nowMs: NOW });
      await insertAuthenticator(db, { id: 'm1', accountId: marc, status: 'active', nowMs: NOW });
      await insertDevice(db, { id: 'd1', accountId: claire, authenticatorId: 'a1', nowMs: NOW });
      await insertDevice(db, { id: 'd2', accountId: marc, authenticatorId: 'm1', nowMs: NOW });

      expect(await deleteAllAuthenticators(db, claire)).toBe(2);

      const authenticators = await db.selectFrom('authenticators').select('id').execute();
      expect(authenticators).toEqual([{ id: 'm1' }]);
      const devices = await db.selectFrom('devices').select('id').execute();
      expect(devices).toEqual([{ id: 'd2' }]);
      expect(await readMfaStanding(db, claire)).toEqual({
        required: true,
        hasActiveAuthenticator: false,
      });
      expect(await deleteAllAuthenticators(db, claire)).toBe(0);
    });
  });
});

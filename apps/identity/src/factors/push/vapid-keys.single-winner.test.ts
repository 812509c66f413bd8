/**
 * Each deployment owns one VAPID key pair (G-47): nodes starting together on a fresh database
 * make one between them, every later start reads it back, and its private half is sealed — the
 * devices' subscriptions are bound to that one public key. Both backends.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb, testBackends } from '../../../test/build-test-app.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { createSecretBox } from '../../security/secret-box.ts';
import { loadVapidKeys } from './vapid-keys.ts';

describe.each(testBackends())('one VAPID key pair per deployment (%s)', (backend) => {
  let testDb: TestDb;
  beforeEach(async () => {
    testDb = await openTestDb(backend);
    await migrateToLatest(testDb.db);
  });
  afterEach(() => testDb.close());

  it('parallel first starts store one pair, and all use it; later starts read it back', async () => {
    const box = createSecretBox(randomBytes(32));
    const loads = await Promise.all(
      Array.from({ length: 16 }, () => loadVapidKeys(testDb.db, box, Date.now())),
    );
    const stored = await testDb.db.selectFrom('vapid_keys').selectAll().execute();
    expect(stored).toHaveLength(1);
    for (const keys of loads) expect(keys).toEqual(loads[0]);
    expect(await loadVapidKeys(testDb.db, box, Date.now())).toEqual(loads[0]);
    // The private half is never in the database in clear.
    expect(stored[0]?.sealed_private_key).not.toContain(loads[0]?.privateKey);
    expect(Buffer.from(loads[0]?.publicKey ?? '', 'base64url')).toHaveLength(65);
  });
});

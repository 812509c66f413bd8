/**
 * Identity nodes starting together on one fresh database make one signing key between them, and
 * all sign with it: otherwise each would sign with a key of its own, and which key a client's
 * cached key set holds would depend on the node that answered. Both backends.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cheapArgon2, openTestDb, type TestDb, testBackends } from '../../test/build-test-app.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createSecretBox } from '../security/secret-box.ts';
import { loadSigningKeys } from './signing-keys.ts';

describe.each(testBackends())('one signing key for nodes starting together (%s)', (backend) => {
  let testDb: TestDb;
  const secretKey = randomBytes(32);
  beforeEach(async () => {
    testDb = await openTestDb(backend);
  });
  afterEach(() => testDb.close());

  it('thirty-two parallel loads on a fresh database store one key and all return it', async () => {
    await migrateToLatest(testDb.db);
    const box = createSecretBox(secretKey);
    // Enough at once for inserts to overlap on PostgreSQL: without the lock, 32 gave two keys
    // about one run in four.
    const loads = await Promise.all(
      Array.from({ length: 32 }, () => loadSigningKeys(testDb.db, box, Date.now())),
    );
    const stored = await testDb.db.selectFrom('signing_keys').select('kid').execute();
    expect(stored).toHaveLength(1);
    for (const loaded of loads) expect(loaded.keys.map((key) => key.kid)).toEqual([stored[0]?.kid]);
  });

  it('two nodes built together publish the same single key', async () => {
    const config = loadConfig({
      SESAME_SECRET_KEY: secretKey.toString('base64'),
      PORTAL_CLIENT_SECRET: 'portal-test-secret',
      LOG_LEVEL: 'silent',
    });
    const deps = { db: testDb.db, argon2: cheapArgon2, logger: false };
    // Migrated first: the subject here is the key, not the migration runner's own start.
    await migrateToLatest(testDb.db);
    const nodes: FastifyInstance[] = await Promise.all([
      buildApp(config, deps),
      buildApp(config, deps),
    ]);
    try {
      const published = await Promise.all(
        nodes.map(async (node) => {
          const response = await node.inject({ method: 'GET', url: '/oidc/jwks' });
          return (response.json() as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid);
        }),
      );
      expect(published[0]).toHaveLength(1);
      expect(published[1]).toEqual(published[0]);
    } finally {
      await Promise.all(nodes.map((node) => node.close()));
    }
  });
});

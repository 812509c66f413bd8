import { randomBytes } from 'node:crypto';
import { parseOptions } from '@node-rs/argon2';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, signIn } from '../../test/browser-session.ts';
import { cheapArgon2, openTestDb, type TestDb, testBackends } from '../../test/build-test-app.ts';
import { createAccount } from '../accounts/create-account.ts';
import { createPasswordHasher, DEFAULT_ARGON2_PARAMS } from '../accounts/password-hasher.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { setOrgMfaRequired } from '../policy/mfa-policy.ts';

const password = 'rivière gelée 2026';

describe('argon2id parameters (G-35)', () => {
  it('defaults to OWASP argon2id: 19 MiB and t ≥ 2, or 46 MiB and t ≥ 1, p = 1', () => {
    const { memoryCostKiB, timeCost, parallelism } = DEFAULT_ARGON2_PARAMS;
    const owasp =
      (memoryCostKiB >= 19_456 && timeCost >= 2) || (memoryCostKiB >= 47_104 && timeCost >= 1);
    expect(owasp).toBe(true);
    expect(parallelism).toBe(1);
  });
});

describe.each(testBackends())('legacy hashes are upgraded at sign-in (G-35) (%s)', (backend) => {
  let testDb: TestDb;
  let app: FastifyInstance;
  let publicUrl: string;
  let accountId: string;

  beforeEach(async () => {
    testDb = await openTestDb(backend);
    const config = loadConfig({
      SESAME_SECRET_KEY: randomBytes(32).toString('base64'),
      PORTAL_CLIENT_SECRET: 'portal-test-secret',
      LOG_LEVEL: 'silent',
    });
    publicUrl = config.publicUrl;
    // The app runs with the production parameters (no `argon2` override)…
    app = await buildApp(config, { db: testDb.db, logger: false });
    // This test is about the password step: let it end there.
    await setOrgMfaRequired(testDb.db, false);
    // …and the account was stored with older, cheaper ones.
    const legacy = createPasswordHasher(cheapArgon2);
    const created = await createAccount(
      { db: testDb.db, hasher: legacy, now: Date.now },
      { username: 'claire', password },
    );
    if (!created.ok) throw new Error(created.code);
    accountId = created.accountId;
  });
  afterEach(async () => {
    await app.close();
    await testDb.close();
  });

  const storedHash = async () =>
    (
      await testDb.db
        .selectFrom('accounts')
        .select('password_hash')
        .where('id', '=', accountId)
        .executeTakeFirstOrThrow()
    ).password_hash;

  it('rehashes with the current parameters after a successful sign-in', async () => {
    const before = await storedHash();
    expect(parseOptions(before).memoryCost).toBe(cheapArgon2.memoryCostKiB);

    const { response } = await signIn(new BrowserSession(app, publicUrl), 'claire', password);
    expect(String(response.headers.location)).toContain('code=');

    const after = await storedHash();
    expect(after).not.toBe(before);
    expect(after.startsWith('$argon2id$v=19$')).toBe(true);
    const options = parseOptions(after);
    expect(options.memoryCost).toBe(DEFAULT_ARGON2_PARAMS.memoryCostKiB);
    expect(options.timeCost).toBe(DEFAULT_ARGON2_PARAMS.timeCost);
    expect(options.parallelism).toBe(DEFAULT_ARGON2_PARAMS.parallelism);
    expect(options.saltLen).toBeGreaterThanOrEqual(16);
    expect(after).not.toContain(password);

    // The upgraded hash still signs in, and is not rewritten again.
    const again = await signIn(new BrowserSession(app, publicUrl), 'CLAIRE', password);
    expect(String(again.response.headers.location)).toContain('code=');
    expect(await storedHash()).toBe(after);
  });

  it('does not rehash after a failed attempt', async () => {
    const before = await storedHash();
    const { response } = await signIn(
      new BrowserSession(app, publicUrl),
      'claire',
      'not the password',
    );
    expect(response.statusCode).toBe(401);
    expect(await storedHash()).toBe(before);
  });
});

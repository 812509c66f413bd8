/**
 * Test helper: a fresh identity app on a fresh database (in-memory SQLite, or a throw-away
 * PostgreSQL schema when TEST_DATABASE_URL is set), with a fixed, movable clock and cheap argon2
 * parameters (the hashing cost is not what these tests are about).
 */
import { randomBytes } from 'node:crypto';
import type { Agent } from 'node:https';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { DestinationStream } from 'pino';
import { createAccount } from '../src/accounts/create-account.ts';
import { createPasswordHasher } from '../src/accounts/password-hasher.ts';
import { buildApp } from '../src/app.ts';
import { type Config, type DatabaseConfig, loadConfig } from '../src/config.ts';
import { createDb } from '../src/db/create-db.ts';
import type { Database } from '../src/db/database.ts';
import type { EventBus } from '../src/events/event-bus.ts';
import { setOrgMfaRequired } from '../src/policy/mfa-policy.ts';

export const cheapArgon2 = { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 };

export type Backend = 'sqlite' | 'postgres';

/** The backends to run storage and HTTP suites on: SQLite always, PostgreSQL when configured. */
export function testBackends(): Backend[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDb {
  db: Kysely<Database>;
  config: DatabaseConfig;
  close(): Promise<void>;
}

export async function openTestDb(backend: Backend): Promise<TestDb> {
  if (backend === 'sqlite') {
    const config: DatabaseConfig = { kind: 'sqlite', file: ':memory:' };
    const db = createDb(config);
    return { db, config, close: () => db.destroy() };
  }
  const url = process.env.TEST_DATABASE_URL as string;
  // Named with its creation time: test/global-setup.ts drops those over an hour old.
  const schema = `test_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = createDb({ kind: 'postgres', url }, { maxConnections: 1 });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const config: DatabaseConfig = { kind: 'postgres', url };
  // Few connections each: test files run in parallel against one server (100 connections).
  const db = createDb(config, { schema, maxConnections: 4 });
  return {
    db,
    config,
    close: async () => {
      await db.destroy();
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<Database>;
  config: Readonly<Config>;
  clock: { now: number; advance(seconds: number): void };
  createUser(input: {
    username: string;
    password: string;
    email?: string;
    name?: string;
  }): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * The organization's "MFA required for everyone" setting. On by default in Sesame; off by
   * default here, so that the tests of the password step end at the password. MFA tests turn it on.
   */
  orgMfaRequired?: boolean;
  /** Log to this stream, at the config's `LOG_LEVEL` (`silent` unless `env` says otherwise). */
  logStream?: DestinationStream;
  /** The password hash's cost, when a test needs a verification that takes real time. */
  argon2?: typeof cheapArgon2;
  /** An event bus the test also listens or publishes on (the caller closes it). */
  events?: EventBus;
  /** The HTTPS agent for Web Push (a local push service stand-in's authority). */
  pushAgent?: Agent;
}

export async function buildTestApp(
  backend: Backend = 'sqlite',
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const testDb = await openTestDb(backend);
  const config = loadConfig({
    SESAME_SECRET_KEY: randomBytes(32).toString('base64'),
    PORTAL_CLIENT_SECRET: 'portal-test-secret',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const clock = {
    now: Date.now(),
    advance(seconds: number) {
      clock.now += seconds * 1000;
    },
  };
  const now = () => clock.now;
  const logging = options.logStream ? { logStream: options.logStream } : { logger: false };
  const app = await buildApp(config, {
    db: testDb.db,
    now,
    argon2: options.argon2 ?? cheapArgon2,
    ...logging,
    ...(options.events ? { events: options.events } : {}),
    ...(options.pushAgent ? { pushAgent: options.pushAgent } : {}),
  });
  await setOrgMfaRequired(testDb.db, options.orgMfaRequired ?? false);
  const hasher = createPasswordHasher(options.argon2 ?? cheapArgon2);
  return {
    app,
    db: testDb.db,
    config,
    clock,
    async createUser(input) {
      const result = await createAccount({ db: testDb.db, hasher, now }, input);
      if (!result.ok) throw new Error(`test user not created: ${result.code} ${result.reason}`);
      return result.accountId;
    },
    async close() {
      await app.close();
      await testDb.close();
    },
  };
}

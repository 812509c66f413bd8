/**
 * The bench's identity server before it starts: a fresh SQLite database in a new directory,
 * accounts made with Sesame's own `createAccount` (their hashes use DEFAULT_ARGON2_PARAMS), the
 * organization's MFA requirement off, and the environment the child process reads.
 * - `passwordAccounts`: `bench-01`… sign in with their password only (one per worker: no shared
 *   failure counter);
 * - `mfaAccounts`: `mfa-0001`… have MFA required by an administrator, so their first sign-in
 *   goes through enrollment (bench/http-enrollment.ts), and every later one asks for a code.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccount } from '../apps/identity/src/accounts/create-account.ts';
import { generatePassword } from '../apps/identity/src/accounts/generate-password.ts';
import { createPasswordHasher } from '../apps/identity/src/accounts/password-hasher.ts';
import { createDb } from '../apps/identity/src/db/create-db.ts';
import { migrateToLatest } from '../apps/identity/src/db/migrate.ts';
import {
  setAccountMfaRequired,
  setOrgMfaRequired,
} from '../apps/identity/src/policy/mfa-policy.ts';
import { freePort } from '../apps/identity/test/listen-test-app.ts';
import type { Credentials } from './password-step.ts';

export interface IdentitySetup {
  dataDir: string;
  databaseFile: string;
  passwordAccounts: Credentials[];
  mfaAccounts: Credentials[];
  env: Record<string, string>;
  origin: string;
}

/** Accounts hashed this many at a time (argon2id runs on libuv's pool of four threads). */
const hashingInFlight = 4;

export async function prepareIdentity(
  counts: { passwordAccounts: number; mfaAccounts: number },
  clientSecret: string,
  baseDir = tmpdir(),
): Promise<IdentitySetup> {
  const dataDir = mkdtempSync(join(baseDir, 'sesame-bench-'));
  const databaseFile = join(dataDir, 'sesame.sqlite');
  const db = createDb({ kind: 'sqlite', file: databaseFile });
  const passwordAccounts = names('bench-', 2, counts.passwordAccounts);
  const mfaAccounts = names('mfa-', 4, counts.mfaAccounts);
  try {
    await migrateToLatest(db);
    // Password-only sign-ins for the first kind (MFA is on for everyone by default).
    await setOrgMfaRequired(db, false);
    const deps = { db, hasher: createPasswordHasher(), now: Date.now };
    const create = async (credentials: Credentials, mfa: boolean) => {
      const result = await createAccount(deps, credentials);
      if (!result.ok) throw new Error(`bench account not created: ${result.code}`);
      if (mfa) await setAccountMfaRequired(db, result.accountId, true, Date.now());
    };
    const queue = [
      ...passwordAccounts.map((a) => () => create(a, false)),
      ...mfaAccounts.map((a) => () => create(a, true)),
    ];
    const worker = async () => {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) await job();
    };
    await Promise.all(Array.from({ length: hashingInFlight }, worker));
  } finally {
    await db.destroy();
  }
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const env = {
    SESAME_DATA_DIR: dataDir,
    SESAME_PORT: String(port),
    SESAME_PUBLIC_URL: origin,
    SESAME_SECRET_KEY: randomBytes(32).toString('base64'),
    DATABASE_URL: `sqlite:${databaseFile}`,
    REDIS_URL: '',
    LOG_LEVEL: 'warn',
    PORTAL_PUBLIC_URL: 'http://localhost:3001',
    PORTAL_CLIENT_SECRET: clientSecret,
  };
  return { dataDir, databaseFile, passwordAccounts, mfaAccounts, env, origin };
}

function names(prefix: string, digits: number, count: number): Credentials[] {
  return Array.from({ length: count }, (_, i) => ({
    username: `${prefix}${String(i + 1).padStart(digits, '0')}`,
    password: generatePassword(),
  }));
}

/**
 * Test helper: `runCli` on a fresh, migrated database with an in-memory io, a fixed movable clock
 * and cheap argon2 parameters.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Backend, cheapArgon2, openTestDb } from '../../test/build-test-app.ts';
import { createPasswordHasher, type PasswordHasher } from '../accounts/password-hasher.ts';
import type { Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createOutboxMailer } from '../mail/outbox-mailer.ts';
import { createSecretBox, type SecretBox } from '../security/secret-box.ts';
import type { CliSession } from './cli-io.ts';
import { runCli } from './run-cli.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliHarness {
  db: Kysely<Database>;
  hasher: PasswordHasher;
  clock: { now: number; advance(seconds: number): void };
  /** The signing keys' sealing (`sesame keys`). */
  box: SecretBox;
  /** The kids of the rotations the CLI announced to the nodes. */
  announced: string[];
  /** `sesame …argv`, with `stdin` as standard input. */
  run(argv: string[], stdin?: string): Promise<CliRun>;
  close(): Promise<void>;
}

/** 2026-03-01T14:05:09Z */
export const START_MS = Date.UTC(2026, 2, 1, 14, 5, 9);

export async function openCliHarness(backend: Backend): Promise<CliHarness> {
  const testDb = await openTestDb(backend);
  await migrateToLatest(testDb.db);
  const hasher = createPasswordHasher(cheapArgon2);
  const box = createSecretBox(randomBytes(32));
  const announced: string[] = [];
  const clock = {
    now: START_MS,
    advance(seconds: number) {
      clock.now += seconds * 1000;
    },
  };
  return {
    db: testDb.db,
    hasher,
    clock,
    box,
    announced,
    async run(argv, stdin = '') {
      const out: string[] = [];
      const err: string[] = [];
      const io: CliSession = {
        db: testDb.db,
        hasher,
        now: () => clock.now,
        stdout: (text) => void out.push(text),
        stderr: (text) => void err.push(text),
        readStdin: async () => stdin,
        mail: {
          mailer: createOutboxMailer({ db: testDb.db, now: () => clock.now }),
          publicUrl: 'http://localhost:3000',
          outbox: true,
        },
        box,
        keys: {
          publishAheadMs: 10 * 60_000,
          announce: async (kid) => void announced.push(kid),
        },
      };
      const code = await runCli(argv, io);
      return { code, stdout: out.join(''), stderr: err.join('') };
    },
    close: () => testDb.close(),
  };
}

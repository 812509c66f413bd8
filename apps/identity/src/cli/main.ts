/**
 * Entry of `npx sesame` (via bin/sesame.js): the environment's config, the database opened and
 * migrated only when a command needs it, the exit code in `process.exitCode`.
 */
import type { Kysely } from 'kysely';
import { createPasswordHasher } from '../accounts/password-hasher.ts';
import { loadConfig } from '../config.ts';
import { createDb } from '../db/create-db.ts';
import type { Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createRedisEventBus } from '../events/event-bus.ts';
import { createMailer } from '../mail/mailer.ts';
import { signingKeysChannel } from '../oidc/rotate-signing-key.ts';
import { createSecretBox } from '../security/secret-box.ts';
import { type CliKeys, type CliSession, CommandError } from './cli-io.ts';
import { readProcessStdin } from './read-stdin.ts';
import { describeUnexpected, runCliWith } from './run-cli.ts';

const output = {
  stdout: (text: string) => void process.stdout.write(text),
  stderr: (text: string) => void process.stderr.write(text),
};

// `sesame audit | head`: the reader went away; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

let db: Kysely<Database> | undefined;
let closeMail: (() => void) | undefined;
try {
  process.exitCode = await runCliWith(process.argv.slice(2), output, connect);
} finally {
  closeMail?.();
  await db?.destroy();
}

async function connect(): Promise<CliSession> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    throw new CommandError(`configuration: ${describeUnexpected(error)}`, 'configuration');
  }
  db = createDb(config.database);
  try {
    await migrateToLatest(db);
  } catch (error) {
    // migrateToLatest names the migration; the cause says what went wrong (refused, denied…).
    const cause = (error as { cause?: unknown }).cause ?? error;
    throw new CommandError(`cannot open the database: ${describeUnexpected(cause)}`, 'database');
  }
  const hasher = createPasswordHasher();
  const mailer = createMailer(config.mail, { db, now: Date.now });
  closeMail = mailer.close;
  const mail = { mailer, publicUrl: config.publicUrl, outbox: config.mail.smtpUrl === undefined };
  return {
    db,
    hasher,
    now: Date.now,
    ...output,
    readStdin: readProcessStdin,
    mail,
    box: createSecretBox(config.secretKey),
    keys: cliKeys(config),
  };
}

/** A rotation is told to the running nodes over Redis when there is one (else they re-read). */
function cliKeys(config: ReturnType<typeof loadConfig>): CliKeys {
  const { redisUrl } = config;
  return {
    publishAheadMs: config.signingKeys.publishAheadSeconds * 1000,
    announce: async (kid) => {
      if (redisUrl === undefined) return;
      const bus = createRedisEventBus(redisUrl);
      try {
        await bus.publish(signingKeysChannel, kid);
      } finally {
        await bus.close();
      }
    },
  };
}

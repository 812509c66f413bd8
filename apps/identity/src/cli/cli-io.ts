/** What a command needs from the outside world, and the two kinds of errors it may report. */
import type { Kysely } from 'kysely';
import type { PasswordHasher } from '../accounts/password-hasher.ts';
import type { Database } from '../db/database.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { KeyRotationDeps } from '../oidc/rotate-signing-key.ts';
import type { SecretBox } from '../security/secret-box.ts';
import { formatJson } from './format-output.ts';

export interface CliIo {
  db: Kysely<Database>;
  hasher: PasswordHasher;
  now: () => number;
  /** Receives whole lines, each ending with a newline. */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  /** Mail the commands send (a verification link), and where its links lead. */
  mail: CliMail;
  /** `--json` anywhere on the command line: output for scripts (see `report`). */
  json: boolean;
  /** The secrets at rest: signing keys' sealing, temporary access codes' keyed hash. */
  box: SecretBox;
  /** Signing keys' rotation (`sesame keys rotate`): its delay, who is told. */
  keys: CliKeys;
}

/** What `connect` makes; `runCliWith` adds the output mode read from the command line. */
export type CliSession = Omit<CliIo, 'json'>;

export type CliKeys = Pick<KeyRotationDeps, 'publishAheadMs' | 'announce'>;

export interface CliMail {
  mailer: Mailer;
  /** The identity server's public URL, for the links in mail. */
  publicUrl: string;
  /** True when no SMTP server is configured: mail goes to the development outbox. */
  outbox: boolean;
}

/** Audit reason of every change made through this tool. */
export const AUDIT_REASON = 'cli';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The command line itself is wrong (unknown command, bad flag): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The help command the error message points to. */
  readonly helpCommand: string;

  constructor(message: string, helpCommand = 'sesame --help') {
    super(message);
    this.helpCommand = helpCommand;
  }
}

/**
 * The command was understood but cannot be done (no such account, weak password): exit code 1.
 * `code`: what a script tests in `--json` mode (`{"error": {"code", "message"}}` on stderr).
 */
export class CommandError extends Error {
  override name = 'CommandError';
  readonly code: string;

  constructor(message: string, code = 'failed') {
    super(message);
    this.code = code;
  }
}

/**
 * What a command says when it is done: `text` for a person, or with `--json` the `value` as
 * pretty JSON (one document on stdout). Every command ends with one call: the CLI's walk test
 * (cli.every-command-json.test.ts) checks that each prints JSON under `--json`.
 */
export function report(io: CliIo, text: string | (() => string), value: unknown): void {
  io.stdout(io.json ? formatJson(value) : typeof text === 'function' ? text() : text);
}

/** A parsed command line: either text to show, or a command to run against the database. */
export type ParsedCommand =
  | { kind: 'help'; text: string }
  | { kind: 'run'; run: (io: CliIo) => Promise<void> };

/** `--password-stdin`: the input less one trailing newline (what `echo` or a file adds). */
export function stripTrailingNewline(input: string): string {
  if (input.endsWith('\r\n')) return input.slice(0, -2);
  if (input.endsWith('\n')) return input.slice(0, -1);
  return input;
}

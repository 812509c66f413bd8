/**
 * The command line as a function: argv in, exit code out, every effect through `io`. Help and
 * usage errors are answered before any database is needed (`runCliWith` opens it only then).
 */
import { API_TOKENS_SUBCOMMANDS, parseApiTokensCommand } from './api-tokens-commands.ts';
import { parseAuditCommand } from './audit-command.ts';
import {
  type CliIo,
  type CliSession,
  CommandError,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  type ParsedCommand,
  UsageError,
} from './cli-io.ts';
import { CLIENTS_SUBCOMMANDS, parseClientsCommand } from './clients-commands.ts';
import { formatJson } from './format-output.ts';
import { GROUPS_SUBCOMMANDS, parseGroupsCommand } from './groups-commands.ts';
import { KEYS_SUBCOMMANDS, parseKeysCommand } from './keys-commands.ts';
import { ORG_SUBCOMMANDS, parseOrgCommand } from './org-commands.ts';
import { parseOutboxCommand } from './outbox-command.ts';
import { takeJsonFlag } from './parse-command-args.ts';
import {
  API_TOKENS_USAGE,
  AUDIT_USAGE,
  CLIENTS_USAGE,
  GROUPS_USAGE,
  KEYS_USAGE,
  MAIN_USAGE,
  ORG_USAGE,
  OUTBOX_USAGE,
  USERS_USAGE,
} from './usage.ts';
import { parseUsersCommand, USERS_SUBCOMMANDS } from './users-commands.ts';

type Output = Pick<CliIo, 'stdout' | 'stderr'>;

/**
 * The command groups. `subcommands`: the names after the group's (none: the group is one
 * command), walked by cli.every-command-json.test.ts.
 */
export const GROUPS: Record<
  string,
  { parse: (args: string[]) => ParsedCommand; usage: string; subcommands?: readonly string[] }
> = {
  users: { parse: parseUsersCommand, usage: USERS_USAGE, subcommands: USERS_SUBCOMMANDS },
  org: { parse: parseOrgCommand, usage: ORG_USAGE, subcommands: ORG_SUBCOMMANDS },
  audit: { parse: parseAuditCommand, usage: AUDIT_USAGE },
  outbox: { parse: parseOutboxCommand, usage: OUTBOX_USAGE },
  clients: { parse: parseClientsCommand, usage: CLIENTS_USAGE, subcommands: CLIENTS_SUBCOMMANDS },
  keys: { parse: parseKeysCommand, usage: KEYS_USAGE, subcommands: KEYS_SUBCOMMANDS },
  'api-tokens': {
    parse: parseApiTokensCommand,
    usage: API_TOKENS_USAGE,
    subcommands: API_TOKENS_SUBCOMMANDS,
  },
  groups: { parse: parseGroupsCommand, usage: GROUPS_USAGE, subcommands: GROUPS_SUBCOMMANDS },
};

export function runCli(argv: string[], io: CliSession): Promise<number> {
  return runCliWith(argv, io, async () => io);
}

/** Like `runCli`, with the io (and its database) made by `connect` only when a command runs. */
export async function runCliWith(
  argv: string[],
  output: Output,
  connect: () => Promise<CliSession>,
): Promise<number> {
  const { json, rest } = takeJsonFlag(argv);
  try {
    const command = parseCommandLine(rest);
    if (command.kind === 'help') {
      output.stdout(json ? formatJson({ usage: command.text }) : command.text);
      return EXIT_OK;
    }
    await command.run({ ...(await connect()), json });
    return EXIT_OK;
  } catch (error) {
    return json ? reportJsonError(error, output) : reportError(error, output);
  }
}

export function parseCommandLine(argv: string[]): ParsedCommand {
  const [name, ...rest] = argv;
  if (name === undefined) throw new UsageError('missing command');
  if (name === '--help' || name === '-h') return { kind: 'help', text: MAIN_USAGE };
  if (name === 'help') return parseHelp(rest);
  const group = Object.hasOwn(GROUPS, name) ? GROUPS[name] : undefined;
  if (group !== undefined) return group.parse(rest);
  if (name.startsWith('-')) throw new UsageError(`unknown option '${name}'`);
  throw new UsageError(`unknown command '${name}'`);
}

function parseHelp(args: string[]): ParsedCommand {
  const [name, extra] = args;
  if (extra !== undefined) throw new UsageError(`help: unexpected argument '${extra}'`);
  if (name === undefined) return { kind: 'help', text: MAIN_USAGE };
  const group = Object.hasOwn(GROUPS, name) ? GROUPS[name] : undefined;
  if (group === undefined) throw new UsageError(`help: unknown command '${name}'`);
  return { kind: 'help', text: group.usage };
}

/** One line on stderr, never a stack trace; the exit code says which kind of failure. */
function reportError(error: unknown, output: Output): number {
  if (error instanceof UsageError) {
    output.stderr(`sesame: ${oneLine(error.message)} (see '${error.helpCommand}')\n`);
    return EXIT_USAGE;
  }
  if (error instanceof CommandError) {
    output.stderr(`sesame: ${oneLine(error.message)}\n`);
    return EXIT_FAILURE;
  }
  output.stderr(`sesame: unexpected error: ${oneLine(describeUnexpected(error))}\n`);
  return EXIT_FAILURE;
}

/** `--json`: `{"error": {"code", "message"}}` on stderr, the same exit codes. */
function reportJsonError(error: unknown, output: Output): number {
  const [code, message, exit] =
    error instanceof UsageError
      ? ['usage', error.message, EXIT_USAGE]
      : error instanceof CommandError
        ? [error.code, error.message, EXIT_FAILURE]
        : ['unexpected', describeUnexpected(error), EXIT_FAILURE];
  output.stderr(formatJson({ error: { code, message: oneLine(message) } }));
  return exit;
}

/** The message of an error, or of its first cause (a failed connection is an AggregateError). */
export function describeUnexpected(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.message !== '') return error.message;
  if (error instanceof AggregateError && error.errors.length > 0) {
    return describeUnexpected(error.errors[0]);
  }
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}

/** The first line, without control or format characters (they could drive the terminal). */
function oneLine(message: string): string {
  return (message.split(/\r?\n/)[0] ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '\uFFFD');
}

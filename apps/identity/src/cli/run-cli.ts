/**
 * The command line as a function: argv in, exit code out, every effect through `io`. Help and
 * usage errors are answered before any database is needed (`runCliWith` opens it only then).
 */
import { parseAuditCommand } from './audit-command.ts';
import {
  type CliIo,
  CommandError,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  type ParsedCommand,
  UsageError,
} from './cli-io.ts';
import { parseGroupsCommand } from './groups-commands.ts';
import { parseOrgCommand } from './org-commands.ts';
import { parseOutboxCommand } from './outbox-command.ts';
import {
  AUDIT_USAGE,
  GROUPS_USAGE,
  MAIN_USAGE,
  ORG_USAGE,
  OUTBOX_USAGE,
  USERS_USAGE,
} from './usage.ts';
import { parseUsersCommand } from './users-commands.ts';

type Output = Pick<CliIo, 'stdout' | 'stderr'>;

const GROUPS: Record<string, { parse: (args: string[]) => ParsedCommand; usage: string }> = {
  users: { parse: parseUsersCommand, usage: USERS_USAGE },
  org: { parse: parseOrgCommand, usage: ORG_USAGE },
  audit: { parse: parseAuditCommand, usage: AUDIT_USAGE },
  outbox: { parse: parseOutboxCommand, usage: OUTBOX_USAGE },
  groups: { parse: parseGroupsCommand, usage: GROUPS_USAGE },
};

export function runCli(argv: string[], io: CliIo): Promise<number> {
  return runCliWith(argv, io, async () => io);
}

/** Like `runCli`, with the io (and its database) made by `connect` only when a command runs. */
export async function runCliWith(
  argv: string[],
  output: Output,
  connect: () => Promise<CliIo>,
): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    if (command.kind === 'help') {
      output.stdout(command.text);
      return EXIT_OK;
    }
    await command.run(await connect());
    return EXIT_OK;
  } catch (error) {
    return reportError(error, output);
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

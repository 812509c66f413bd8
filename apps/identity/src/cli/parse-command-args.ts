/** `node:util` parseArgs, strict, with its errors turned into one-line usage errors. */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { type ParsedCommand, UsageError } from './cli-io.ts';

/** Every command accepts `--help` / `-h`. */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

export function parseCommandArgs<T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

/** The one positional argument a command takes, named in the error when it is missing. */
export function onePositional(positionals: string[], name: string): string {
  const [first, extra] = positionals;
  if (first === undefined) throw new UsageError(`missing ${name}`);
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
  return first;
}

export function noPositionals(positionals: string[]): void {
  const [extra] = positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
}

/** Node's messages run to several sentences; keep the first, which names the culprit. */
function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const missingValue = /^Option '(?:-\w, )?(--?[\w-]+)[^']*' argument missing/.exec(message);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && missingValue) {
    return `option ${missingValue[1]} needs a value`;
  }
  const first = message.split(/\.(?: |$)/)[0] ?? message;
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/**
 * `sesame <group> <command> …`: the command's parser, `help` for `--help`, and usage errors that
 * name the group and point to its help.
 */
export function parseSubcommand(
  group: string,
  subcommands: Record<string, (args: string[]) => ParsedCommand>,
  help: ParsedCommand,
  args: string[],
): ParsedCommand {
  const [name, ...rest] = args;
  const helpCommand = `sesame ${group} --help`;
  if (name === undefined) throw new UsageError(`missing command after '${group}'`, helpCommand);
  if (name === '--help' || name === '-h' || name === 'help') return help;
  const parse = Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
  if (parse === undefined) throw new UsageError(`unknown command '${group} ${name}'`, helpCommand);
  try {
    return parse(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(`${group} ${name}: ${error.message}`, helpCommand);
  }
}

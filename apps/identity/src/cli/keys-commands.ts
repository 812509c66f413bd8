/**
 * `sesame keys …` (ADR 0014): list the ID token signing keys with their state, and rotate —
 * a new key published now, signing after the publish-ahead delay. The rotation is the console's
 * « Renouveler la clé », with `cli` as the actor.
 */
import { cliActor } from '../accounts/operations/actor.ts';
import { rotateSigningKey } from '../oidc/rotate-signing-key.ts';
import { listSigningKeys, type SigningKeyInfo } from '../oidc/signing-keys.ts';
import { type CliIo, CommandError, type ParsedCommand, report } from './cli-io.ts';
import { formatTable, formatUtc } from './format-output.ts';
import {
  HELP_OPTION,
  noPositionals,
  parseCommandArgs,
  parseSubcommand,
} from './parse-command-args.ts';
import { KEYS_USAGE } from './usage.ts';

const HELP: ParsedCommand = { kind: 'help', text: KEYS_USAGE };

const SUBCOMMANDS: Record<string, (args: string[]) => ParsedCommand> = {
  list: (args) => parseNoArguments(args, listKeys),
  rotate: (args) => parseNoArguments(args, rotateKey),
};

/** The subcommands' names, for the CLI's walk (run-cli.ts GROUPS). */
export const KEYS_SUBCOMMANDS = Object.keys(SUBCOMMANDS);

export function parseKeysCommand(args: string[]): ParsedCommand {
  return parseSubcommand('keys', SUBCOMMANDS, HELP, args);
}

function parseNoArguments(args: string[], run: (io: CliIo) => Promise<void>): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return HELP;
  noPositionals(positionals);
  return { kind: 'run', run };
}

async function listKeys(io: CliIo): Promise<void> {
  const keys = await listSigningKeys(io.db, io.now());
  const headers = [
    'KID',
    'ALG',
    'STATE',
    'CREATED',
    'SIGNS FROM',
    'SIGNS UNTIL',
    'PUBLISHED UNTIL',
  ];
  const rows = keys.map((key) => [
    key.kid,
    key.alg,
    key.state,
    formatUtc(key.createdAt),
    formatUtc(key.signsFrom),
    utcOrDash(key.signsUntil),
    utcOrDash(key.publishedUntil),
  ]);
  report(
    io,
    () =>
      keys.length === 0
        ? "No signing keys yet: the identity server makes one at its first start, or run 'sesame keys rotate'.\n"
        : formatTable(headers, rows),
    keys.map(keyJson),
  );
}

async function rotateKey(io: CliIo): Promise<void> {
  const result = await rotateSigningKey(
    { db: io.db, now: io.now, box: io.box, ...io.keys },
    cliActor,
  );
  if (!result.ok)
    throw new CommandError(
      `key ${result.pending.kid} is already waiting to sign (from ${formatUtc(result.pending.signsFrom)}): rotate again once it signs`,
      result.code,
    );
  const { key } = result;
  report(
    io,
    `New signing key ${key.kid} published; it signs from ${formatUtc(key.signsFrom)}.\n`,
    keyJson(key),
  );
}

/** The JSON shape of a key: times in UTC ISO 8601, null when not set. */
function keyJson(key: SigningKeyInfo) {
  return {
    kid: key.kid,
    alg: key.alg,
    state: key.state,
    createdAt: formatUtc(key.createdAt),
    signsFrom: formatUtc(key.signsFrom),
    signsUntil: key.signsUntil === null ? null : formatUtc(key.signsUntil),
    publishedUntil: key.publishedUntil === null ? null : formatUtc(key.publishedUntil),
  };
}

function utcOrDash(ms: number | null): string {
  return ms === null ? '-' : formatUtc(ms);
}

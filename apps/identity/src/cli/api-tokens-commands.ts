/**
 * `sesame api-tokens …`: the console's « Jetons d'API » — list the admin API's tokens, create one
 * (named, scoped, expiring, shown once), revoke one — through the same operations, `cli` acting.
 */
import { cliActor } from '../accounts/operations/actor.ts';
import { type ApiScope, apiScopes, isApiScope } from '../admin/api/api-scopes.ts';
import { createApiToken, revokeApiTokenAs } from '../admin/api/api-token-operations.ts';
import { type ApiTokenRow, listApiTokens } from '../admin/api/api-token-queries.ts';
import { type CliIo, CommandError, type ParsedCommand, report, UsageError } from './cli-io.ts';
import { formatTable, formatUtc } from './format-output.ts';
import {
  HELP_OPTION,
  noPositionals,
  onePositional,
  parseCommandArgs,
  parseSubcommand,
} from './parse-command-args.ts';
import { API_TOKENS_USAGE } from './usage.ts';

const HELP: ParsedCommand = { kind: 'help', text: API_TOKENS_USAGE };
const DEFAULT_DAYS = 90;

const SUBCOMMANDS: Record<string, (args: string[]) => ParsedCommand> = {
  list: parseList,
  create: parseCreate,
  revoke: parseRevoke,
};

/** The subcommands' names, for the CLI's walk (run-cli.ts GROUPS). */
export const API_TOKENS_SUBCOMMANDS = Object.keys(SUBCOMMANDS);

export function parseApiTokensCommand(args: string[]): ParsedCommand {
  return parseSubcommand('api-tokens', SUBCOMMANDS, HELP, args);
}

function parseList(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return HELP;
  noPositionals(positionals);
  return { kind: 'run', run: listTokens };
}

async function listTokens(io: CliIo): Promise<void> {
  const tokens = await listApiTokens(io.db);
  const nowMs = io.now();
  const rows = tokens.map((token) => [
    token.id,
    token.name,
    token.scopes,
    stateOf(token, nowMs),
    formatUtc(Number(token.expires_at)),
    token.last_used_at === null ? '-' : formatUtc(Number(token.last_used_at)),
  ]);
  const headers = ['ID', 'NAME', 'SCOPES', 'STATE', 'EXPIRES (UTC)', 'LAST USED (UTC)'];
  report(
    io,
    () => (tokens.length === 0 ? 'No API tokens.\n' : formatTable(headers, rows)),
    tokens.map((token) => tokenJson(token, nowMs)),
  );
}

function parseCreate(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    scope: { type: 'string', multiple: true },
    days: { type: 'string' },
    ...HELP_OPTION,
  });
  if (values.help) return HELP;
  const name = onePositional(positionals, '<name>');
  if (name.trim() === '' || name.length > 100)
    throw new UsageError('<name> must be 1 to 100 characters');
  const asked = values.scope ?? [];
  if (asked.length === 0) throw new UsageError(`--scope is required (${apiScopes.join(', ')})`);
  const unknown = asked.find((scope) => !isApiScope(scope));
  if (unknown !== undefined)
    throw new UsageError(`unknown scope '${unknown}' (${apiScopes.join(', ')})`);
  const scopes = apiScopes.filter((scope: ApiScope) => asked.includes(scope));
  const days = values.days === undefined ? DEFAULT_DAYS : Number(values.days);
  if (!/^\d{1,3}$/.test(values.days ?? '90') || days < 1 || days > 365)
    throw new UsageError('--days must be a whole number from 1 to 365');
  return {
    kind: 'run',
    run: async (io) => {
      const made = await createApiToken({ db: io.db, now: io.now }, cliActor, {
        name: name.trim(),
        scopes,
        days,
      });
      report(
        io,
        `API token « ${name.trim()} » (id ${made.id}, until ${formatUtc(made.expiresAt)}), shown once: ${made.value}\n`,
        {
          id: made.id,
          name: name.trim(),
          scopes,
          expiresAt: formatUtc(made.expiresAt),
          token: made.value,
        },
      );
    },
  };
}

function parseRevoke(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, { ...HELP_OPTION });
  if (values.help) return HELP;
  const id = onePositional(positionals, '<id>');
  return {
    kind: 'run',
    run: async (io) => {
      const revoked = await revokeApiTokenAs({ db: io.db, now: io.now }, cliActor, { id });
      if (!revoked) throw new CommandError(`no API token ${id} in force`, 'api_token.not_found');
      report(io, `API token ${id} revoked.\n`, { id, revoked: true });
    },
  };
}

function stateOf(token: ApiTokenRow, nowMs: number): 'active' | 'revoked' | 'expired' {
  if (token.revoked_at !== null) return 'revoked';
  return Number(token.expires_at) <= nowMs ? 'expired' : 'active';
}

function tokenJson(token: ApiTokenRow, nowMs: number) {
  const utc = (ms: number | null) => (ms === null ? null : formatUtc(Number(ms)));
  return {
    id: token.id,
    name: token.name,
    scopes: token.scopes.split(' '),
    state: stateOf(token, nowMs),
    createdBy: token.created_by,
    createdAt: formatUtc(Number(token.created_at)),
    expiresAt: formatUtc(Number(token.expires_at)),
    lastUsedAt: utc(token.last_used_at),
    revokedAt: utc(token.revoked_at),
  };
}

/** `sesame audit`: the audit trail, newest first. */
import { findUsernamesByIds } from '../accounts/queries.ts';
import { type AuditRecord, listAuditEvents } from '../audit/record-audit-event.ts';
import { type CliIo, type ParsedCommand, UsageError } from './cli-io.ts';
import { formatJson, formatTable, formatUtc, truncate } from './format-output.ts';
import { HELP_OPTION, noPositionals, parseCommandArgs } from './parse-command-args.ts';
import { requireAccount } from './require-account.ts';
import { AUDIT_USAGE } from './usage.ts';

export const AUDIT_DEFAULT_LIMIT = 50;
export const AUDIT_MAX_LIMIT = 1000;
/** User agents are long; the table shows this many characters of them (JSON shows them all). */
const USER_AGENT_COLUMN_WIDTH = 40;

interface AuditOptions {
  user: string | undefined;
  limit: number;
}

export function parseAuditCommand(args: string[]): ParsedCommand {
  try {
    const { values, positionals } = parseCommandArgs(args, {
      user: { type: 'string' },
      limit: { type: 'string' },
      ...HELP_OPTION,
    });
    if (values.help) return { kind: 'help', text: AUDIT_USAGE };
    noPositionals(positionals);
    const options = {
      user: values.user,
      limit: parseLimit(values.limit),
    };
    return { kind: 'run', run: (io) => showAudit(io, options) };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(`audit: ${error.message}`, 'sesame audit --help');
  }
}

/** Digits only (no `1e3`, `0x10`, `-5`), from 1 to the maximum. */
function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return AUDIT_DEFAULT_LIMIT;
  const limit = /^\d{1,7}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(limit >= 1 && limit <= AUDIT_MAX_LIMIT)) {
    throw new UsageError(`--limit must be a whole number from 1 to ${AUDIT_MAX_LIMIT}`);
  }
  return limit;
}

async function showAudit(io: CliIo, options: AuditOptions): Promise<void> {
  const accountId =
    options.user === undefined ? undefined : (await requireAccount(io.db, options.user)).id;
  const events = await listAuditEvents(io.db, { accountId, limit: options.limit });
  const ids = [...new Set(events.flatMap((event) => event.account_id ?? []))];
  const usernames = await findUsernamesByIds(io.db, ids);
  if (io.json) {
    io.stdout(formatJson(events.map((event) => toJson(event, usernames))));
    return;
  }
  if (events.length === 0) {
    io.stdout('No audit events.\n');
    return;
  }
  const headers = ['TIME (UTC)', 'TYPE', 'USER', 'ACTOR', 'REASON', 'IP', 'CLIENT', 'USER AGENT'];
  io.stdout(
    formatTable(
      headers,
      events.map((event) => toRow(event, usernames)),
    ),
  );
}

function toRow(event: AuditRecord, usernames: Map<string, string>): string[] {
  const user =
    event.account_id === null ? '-' : (usernames.get(event.account_id) ?? event.account_id);
  return [
    formatUtc(event.occurred_at),
    event.type,
    user,
    event.actor ?? '-',
    event.reason ?? '-',
    event.ip ?? '-',
    event.client_id ?? '-',
    event.user_agent === null ? '-' : truncate(event.user_agent, USER_AGENT_COLUMN_WIDTH),
  ];
}

function toJson(event: AuditRecord, usernames: Map<string, string>) {
  return {
    id: event.id,
    time: formatUtc(event.occurred_at),
    type: event.type,
    accountId: event.account_id,
    username: event.account_id === null ? null : (usernames.get(event.account_id) ?? null),
    actor: event.actor,
    reason: event.reason,
    ip: event.ip,
    clientId: event.client_id,
    userAgent: event.user_agent,
    requestId: event.request_id,
  };
}

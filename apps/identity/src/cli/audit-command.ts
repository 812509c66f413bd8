/**
 * `sesame audit`: the audit trail, newest first, with the console's filters (account, type or its
 * start, time, outcome) and its exports (CSV, JSON Lines).
 */
import { findUsernamesByIds } from '../accounts/queries.ts';
import { csvHeader, csvRow, exportLine, jsonLine } from '../audit/format-audit-export.ts';
import type { AuditRecord } from '../audit/record-audit-event.ts';
import { type AuditOutcome, searchAuditEvents } from '../audit/search-audit-events.ts';
import { type CliIo, type ParsedCommand, report, UsageError } from './cli-io.ts';
import { formatTable, formatUtc, truncate } from './format-output.ts';
import { HELP_OPTION, noPositionals, parseCommandArgs } from './parse-command-args.ts';
import { requireAccount } from './require-account.ts';
import { AUDIT_USAGE } from './usage.ts';

export const AUDIT_DEFAULT_LIMIT = 50;
export const AUDIT_MAX_LIMIT = 1000;
/** User agents are long; the table shows this many characters of them (JSON shows them all). */
const USER_AGENT_COLUMN_WIDTH = 40;

interface AuditOptions {
  user: string | undefined;
  type: string | undefined;
  sinceMs: number | undefined;
  untilMs: number | undefined;
  outcome: AuditOutcome | undefined;
  format: 'csv' | 'jsonl' | undefined;
  limit: number;
}

const dayMs = 24 * 3600 * 1000;

export function parseAuditCommand(args: string[]): ParsedCommand {
  try {
    const { values, positionals } = parseCommandArgs(args, {
      user: { type: 'string' },
      type: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      outcome: { type: 'string' },
      format: { type: 'string' },
      limit: { type: 'string' },
      ...HELP_OPTION,
    });
    if (values.help) return { kind: 'help', text: AUDIT_USAGE };
    noPositionals(positionals);
    const options: AuditOptions = {
      user: values.user,
      type: parseType(values.type),
      sinceMs: parseTime(values.since, '--since', 0),
      // The day named is included: up to the start of the next.
      untilMs: parseTime(values.until, '--until', dayMs),
      outcome: parseChoice(values.outcome, '--outcome', ['success', 'failure'] as const),
      format: parseChoice(values.format, '--format', ['csv', 'jsonl'] as const),
      limit: parseLimit(values.limit),
    };
    return { kind: 'run', run: (io) => showAudit(io, options) };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(`audit: ${error.message}`, 'sesame audit --help');
  }
}

/** A type (`account.locked`) or the start of one (`sign_in.`), as the console takes it. */
function parseType(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[a-z_.]{1,64}$/.test(raw))
    throw new UsageError('--type takes an event type such as sign_in.failed or sign_in.');
  return raw;
}

/** A UTC day (`2026-03-01`, whole: `dayEndMs` added for --until) or an ISO 8601 time with its zone. */
function parseTime(raw: string | undefined, name: string, dayEndMs: number): number | undefined {
  if (raw === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    const ms = Date.parse(`${raw}T00:00:00Z`);
    if (!Number.isNaN(ms)) return ms + dayEndMs;
  } else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(raw)) {
    const ms = Date.parse(raw);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new UsageError(`${name} takes a UTC day (2026-03-01) or a time (2026-03-01T14:05:09Z)`);
}

function parseChoice<T extends string>(
  raw: string | undefined,
  name: string,
  choices: readonly T[],
): T | undefined {
  if (raw === undefined) return undefined;
  if (!(choices as readonly string[]).includes(raw))
    throw new UsageError(`${name} must be ${choices.join(' or ')}`);
  return raw as T;
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
  const events = await searchAuditEvents(io.db, {
    accountId,
    type: options.type,
    fromMs: options.sinceMs,
    toMs: options.untilMs,
    outcome: options.outcome,
    limit: options.limit,
  });
  const ids = [...new Set(events.flatMap((event) => event.account_id ?? []))];
  const usernames = await findUsernamesByIds(io.db, ids);
  if (options.format !== undefined && !io.json) {
    // The console's exports, line for line.
    const lines = events.map((event) => exportLine(event, usernames));
    io.stdout(
      options.format === 'csv'
        ? csvHeader() + lines.map(csvRow).join('')
        : lines.map(jsonLine).join(''),
    );
    return;
  }
  const headers = ['TIME (UTC)', 'TYPE', 'USER', 'ACTOR', 'REASON', 'IP', 'CLIENT', 'USER AGENT'];
  report(
    io,
    () =>
      events.length === 0
        ? 'No audit events.\n'
        : formatTable(
            headers,
            events.map((event) => toRow(event, usernames)),
          ),
    events.map((event) => toJson(event, usernames)),
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

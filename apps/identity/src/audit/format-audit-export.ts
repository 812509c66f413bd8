/**
 * The audit log as files an organization's tools read: CSV (RFC 4180, a header line, CRLF) and
 * JSON Lines (one object a line). A CSV cell that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, CR) is prefixed with `'` (OWASP, CSV injection).
 */
import type { AuditRecord } from './record-audit-event.ts';
import { outcomeOf } from './search-audit-events.ts';

export interface ExportLine {
  id: number;
  occurred_at: string;
  type: string;
  outcome: string;
  account_id: string | null;
  username: string | null;
  actor: string | null;
  client_id: string | null;
  ip: string | null;
  user_agent: string | null;
  reason: string | null;
  request_id: string | null;
}

const columns: ReadonlyArray<keyof ExportLine> = [
  'id',
  'occurred_at',
  'type',
  'outcome',
  'account_id',
  'username',
  'actor',
  'client_id',
  'ip',
  'user_agent',
  'reason',
  'request_id',
];

export function exportLine(event: AuditRecord, usernames: ReadonlyMap<string, string>): ExportLine {
  return {
    id: Number(event.id),
    occurred_at: new Date(Number(event.occurred_at)).toISOString(),
    type: event.type,
    outcome: outcomeOf(event.type),
    account_id: event.account_id,
    username: event.account_id === null ? null : (usernames.get(event.account_id) ?? null),
    actor: event.actor,
    client_id: event.client_id,
    ip: event.ip,
    user_agent: event.user_agent,
    reason: event.reason,
    request_id: event.request_id,
  };
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvHeader(): string {
  return `${columns.join(',')}\r\n`;
}

export function csvRow(line: ExportLine): string {
  return `${columns.map((column) => csvCell(line[column])).join(',')}\r\n`;
}

export function jsonLine(line: ExportLine): string {
  return `${JSON.stringify(line)}\n`;
}

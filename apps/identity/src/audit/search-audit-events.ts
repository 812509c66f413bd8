/**
 * The organization's audit log, searched (issue 9 §1: filters by account, type, time and outcome)
 * for the console's page and its exports; newest first, in pages (`beforeId`).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AuditRecord } from './record-audit-event.ts';

/** Events that record something refused or failed; every other one is a success. */
export const failureTypes = [
  'sign_in.failed',
  'sign_in.second_factor_failed',
  'authenticator.confirm_failed',
  'push.denied',
  'push.wrong_number',
  'passkey.sign_count_regression',
] as const;

export type AuditOutcome = 'success' | 'failure';

export function outcomeOf(type: string): AuditOutcome {
  return (failureTypes as readonly string[]).includes(type) ? 'failure' : 'success';
}

export interface AuditFilter {
  accountId?: string | undefined;
  /** A type (`account.locked`) or the start of one (`sign_in.`). */
  type?: string | undefined;
  fromMs?: number | undefined;
  /** Exclusive. */
  toMs?: number | undefined;
  outcome?: AuditOutcome | undefined;
  beforeId?: number | undefined;
  limit: number;
}

export async function searchAuditEvents(
  db: Kysely<Database>,
  filter: AuditFilter,
): Promise<AuditRecord[]> {
  let query = db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  if (filter.type !== undefined && filter.type !== '')
    query = filter.type.endsWith('.')
      ? query.where(sql`substr(type, 1, ${filter.type.length})`, '=', filter.type)
      : query.where('type', '=', filter.type);
  if (filter.fromMs !== undefined) query = query.where('occurred_at', '>=', filter.fromMs);
  if (filter.toMs !== undefined) query = query.where('occurred_at', '<', filter.toMs);
  if (filter.outcome === 'failure') query = query.where('type', 'in', failureTypes);
  if (filter.outcome === 'success') query = query.where('type', 'not in', failureTypes);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return query.execute();
}

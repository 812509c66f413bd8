/**
 * The grace period before enrollment is forced (ADR 0013): it begins for an account at the first
 * sign-in that finds MFA required of it with nothing enrolled (the enrollment page records it,
 * once: a later requirement, a reset, starts no new one), and lasts the policy's days from then.
 * Until it ends, the enrollment page offers « Plus tard »; after it, enrollment is forced.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

export const dayMs = 24 * 3600_000;

export interface GraceLeft {
  /** When enrollment becomes forced (ms). */
  endsAt: number;
  /** Whole days left, rounded up: « dans 3 jours » until the last day's « dans 1 jour ». */
  daysLeft: number;
}

/**
 * What is left of the grace: none when the policy gives none, or it is over. An account whose
 * grace has not begun yet has all of it.
 */
export function graceLeft(
  graceDays: number,
  startedAt: number | null,
  nowMs: number,
): GraceLeft | undefined {
  if (graceDays <= 0) return undefined;
  const endsAt = (startedAt ?? nowMs) + graceDays * dayMs;
  if (nowMs >= endsAt) return undefined;
  return { endsAt, daysLeft: Math.ceil((endsAt - nowMs) / dayMs) };
}

/** Record that the account's grace begins now, unless it began before (a no-op then). */
export async function startGrace(
  db: Kysely<Database>,
  accountId: string,
  nowMs: number,
): Promise<void> {
  await db
    .insertInto('mfa_grace')
    .values({ account_id: accountId, started_at: nowMs })
    .onConflict((oc) => oc.column('account_id').doNothing())
    .execute();
}

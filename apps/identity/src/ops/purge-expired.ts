/**
 * Housekeeping: rows that expired long ago and that nothing reads any more — sign-in flows and
 * step-up proofs, challenges (with the push answers that hang on them), activations, oidc-provider's
 * records, remembered browsers, the links sent by mail (and temporary access codes, at once). Kept for two days after they expire, beyond every rule that looks back at them (the push
 * denial block is at most one day), then deleted, a bounded batch per table each time. Run by the
 * server every 15 minutes and by `npx sesame purge`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { deleteExpiredTemporaryAccessCodes } from '../factors/temporary-access-code/temporary-access-code-queries.ts';

/** How long an expired row is kept: longer than any rule that reads the past (24 h at most). */
export const purgeGraceMs = 48 * 3600_000;
export const purgeIntervalMs = 15 * 60_000;

const tables = [
  'sign_in_flows',
  'challenges',
  'passkey_sign_in_challenges',
  'activations',
  'oidc_models',
  'remembered_browsers',
  'email_tokens',
] as const;

export type PurgeCounts = Record<(typeof tables)[number] | 'temporary_access_codes', number>;

export async function purgeExpired(db: Kysely<Database>, nowMs: number): Promise<PurgeCounts> {
  const before = nowMs - purgeGraceMs;
  const counts = {} as PurgeCounts;
  for (const table of tables) {
    const result = await db
      .deleteFrom(table)
      .where('expires_at', 'is not', null)
      .where('expires_at', '<', before)
      .executeTakeFirst();
    counts[table] = Number(result.numDeletedRows);
  }
  // A temporary access code goes as soon as it expires: never offered once it cannot be used.
  counts.temporary_access_codes = await deleteExpiredTemporaryAccessCodes(db, nowMs);
  return counts;
}

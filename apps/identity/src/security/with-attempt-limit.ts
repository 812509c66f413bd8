/**
 * Run one secret check under per-subject limits (an address, an account, an account's method):
 * reserve the attempt under every limit first, in order and in one transaction, evaluate, and give
 * the reservations back only when the secret was right (G-07, G-09). Refused attempts are not
 * evaluated at all, and count under none of the limits.
 *
 * The reservation is committed before `check` runs. A check whose success is itself a write (a
 * code's step consumed) may settle in that write's transaction: `settleIn(trx)`, called only on
 * the way to an `ok` result, in a transaction whose rollback makes the check throw or fail. A
 * check that does not call it is settled here, in its own transaction, once it returned `ok`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AttemptLimiter } from './attempt-limiter.ts';
import type { AttemptPolicy } from './attempt-policy.ts';

export type LimitedResult<T> = { limited: true } | { limited: false; value: T };

export interface AttemptLimit {
  key: string;
  policy: AttemptPolicy;
}

/** Settle the attempt as a success in the caller's transaction (see above). */
export type SettleIn = (trx: Kysely<Database>) => Promise<void>;

export async function withAttemptLimit<T extends { ok: boolean }>(
  limiter: AttemptLimiter,
  limit: (AttemptLimit & { nowMs: number }) | { limits: AttemptLimit[]; nowMs: number },
  check: (settleIn: SettleIn) => Promise<T>,
): Promise<LimitedResult<T>> {
  const limits = 'limits' in limit ? limit.limits : [limit];
  // One transaction reserves under every limit, or none (the attempt is then not evaluated).
  const reserved = await limiter.reserveAll(limits, limit.nowMs);
  if (!reserved.allowed) return { limited: true };
  let settledIn = false;
  const value = await check(async (trx) => {
    if (settledIn) throw new Error('an attempt is settled once');
    settledIn = true;
    await limiter.settleAllIn(trx, reserved.reservations, 'succeeded');
  });
  if (value.ok && !settledIn) await limiter.settleAll(reserved.reservations, 'succeeded');
  return { limited: false, value };
}

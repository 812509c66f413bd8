/**
 * Run one secret check under per-subject limits (an address, an account, an account's method):
 * reserve the attempt under every limit first, in order and in one transaction, evaluate, and give
 * the reservations back only when the secret was right (G-07, G-09). Refused attempts are not
 * evaluated at all, and count under none of the limits.
 */
import type { AttemptLimiter } from './attempt-limiter.ts';
import type { AttemptPolicy } from './attempt-policy.ts';

export type LimitedResult<T> = { limited: true } | { limited: false; value: T };

export interface AttemptLimit {
  key: string;
  policy: AttemptPolicy;
}

export async function withAttemptLimit<T extends { ok: boolean }>(
  limiter: AttemptLimiter,
  limit: (AttemptLimit & { nowMs: number }) | { limits: AttemptLimit[]; nowMs: number },
  check: () => Promise<T>,
): Promise<LimitedResult<T>> {
  const limits = 'limits' in limit ? limit.limits : [limit];
  // One transaction reserves under every limit, or none (the attempt is then not evaluated).
  const reserved = await limiter.reserveAll(limits, limit.nowMs);
  if (!reserved.allowed) return { limited: true };
  const value = await check();
  if (value.ok) await limiter.settleAll(reserved.reservations, 'succeeded');
  return { limited: false, value };
}

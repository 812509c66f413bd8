/**
 * Run one secret check under the per-subject limit: reserve the attempt first, evaluate, and give
 * the reservation back only when the secret was right (G-07, G-09). Refused attempts are not
 * evaluated at all.
 */
import type { AttemptLimiter } from './attempt-limiter.ts';
import type { AttemptPolicy } from './attempt-policy.ts';

export type LimitedResult<T> = { limited: true } | { limited: false; value: T };

export async function withAttemptLimit<T extends { ok: boolean }>(
  limiter: AttemptLimiter,
  limit: { key: string; policy: AttemptPolicy; nowMs: number },
  check: () => Promise<T>,
): Promise<LimitedResult<T>> {
  const reserved = await limiter.reserve(limit.key, limit.policy, limit.nowMs);
  if (!reserved.allowed) return { limited: true };
  const value = await check();
  if (value.ok) await limiter.release(reserved.reservation);
  return { limited: false, value };
}

/**
 * Run one secret check under per-subject limits (an address, an account, an account's method):
 * reserve the attempt under every limit first, in order, evaluate, and give the reservations
 * back only when the secret was right (G-07, G-09). Refused attempts are not evaluated at all,
 * and what was reserved for them is taken back.
 */
import type { AttemptLimiter, Reservation } from './attempt-limiter.ts';
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
  const reservations = await reserveAll(limiter, limits, limit.nowMs);
  if (reservations === undefined) return { limited: true };
  const value = await check();
  if (value.ok) await Promise.all(reservations.map((reservation) => limiter.release(reservation)));
  return { limited: false, value };
}

async function reserveAll(
  limiter: AttemptLimiter,
  limits: AttemptLimit[],
  nowMs: number,
): Promise<Reservation[] | undefined> {
  const reservations: Reservation[] = [];
  for (const { key, policy } of limits) {
    const result = await limiter.reserve(key, policy, nowMs);
    if (!result.allowed) {
      // Take back what was reserved so far: this attempt is refused, not evaluated.
      await Promise.all(reservations.map((reservation) => limiter.cancel(reservation)));
      return undefined;
    }
    reservations.push(result.reservation);
  }
  return reservations;
}

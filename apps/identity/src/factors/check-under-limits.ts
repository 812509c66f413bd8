/**
 * A second-factor check under the second factor's two limits (security/second-factor-limits.ts):
 * the attempt reserved first, the check run, a success settled by the check in its own
 * transaction (`settleIn`), anything else counted — and « throttled » once a limit is reached.
 */
import type { AttemptLimiter } from '../security/attempt-limiter.ts';
import { secondFactorLimits } from '../security/second-factor-limits.ts';
import { type SettleIn, withAttemptLimit } from '../security/with-attempt-limit.ts';
import type { VerificationResult } from './factor.ts';

export async function checkUnderLimits(
  deps: { limiter: AttemptLimiter; now: () => number },
  who: { accountId: string; kind: string; ip: string },
  check: (settleIn: SettleIn) => Promise<VerificationResult>,
): Promise<VerificationResult> {
  const limits = secondFactorLimits(who.accountId, who.kind, who.ip);
  const checked = await withAttemptLimit(deps.limiter, { limits, nowMs: deps.now() }, check);
  return checked.limited ? { ok: false, reason: 'throttled' } : checked.value;
}

/**
 * A second-factor check under the second factor's two limits (security/second-factor-limits.ts):
 * the attempt reserved first, the check run, a success settled by the check in its own
 * transaction (`settleIn`), anything else counted — and « throttled » once a limit is reached.
 */
import type { AttemptLimiter } from '../security/attempt-limiter.ts';
import { secondFactorLimits } from '../security/second-factor-limits.ts';
import { type SettleIn, withAttemptLimit } from '../security/with-attempt-limit.ts';
import type { RecordingContext } from '../sign-in/step-kit.ts';
import type { FactorDeps, FactorVerification, VerificationResult } from './factor.ts';

export async function checkUnderLimits(
  deps: { limiter: AttemptLimiter; now: () => number },
  who: { accountId: string; kind: string; ip: string },
  check: (settleIn: SettleIn) => Promise<VerificationResult>,
): Promise<VerificationResult> {
  const limits = secondFactorLimits(who.accountId, who.kind, who.ip);
  const checked = await withAttemptLimit(deps.limiter, { limits, nowMs: deps.now() }, check);
  return checked.limited ? { ok: false, reason: 'throttled' } : checked.value;
}

/** A method's `verify` of a typed code: `check` of what was typed, under the limits above. */
export function typedCodeVerification(
  check: (
    deps: FactorDeps,
    context: RecordingContext,
    typed: string,
    settleIn: SettleIn,
  ) => Promise<VerificationResult>,
): FactorVerification['verify'] {
  return (deps, context: RecordingContext, answer) =>
    checkUnderLimits(
      deps,
      { accountId: context.accountId, kind: context.authenticator.kind, ip: context.ip },
      (settleIn) => check(deps, context, answer.code ?? '', settleIn),
    );
}

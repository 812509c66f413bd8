/**
 * What a page says when a challenge could not be started (too soon, too many, unavailable): the
 * method's own message when it has one (`FactorVerification.notices`), else the step's; with
 * `{minutes}` and `{seconds}` until it may be tried again.
 */
import type { MessageKey, Translate } from '../ui/i18n/messages.ts';
import type { ChallengeStartFailure, FactorVerification } from './factor.ts';

const stepNotices: Partial<Record<ChallengeStartFailure, MessageKey>> = {
  blocked: 'verify.push.blocked',
  throttled: 'verify.push.throttled',
};

export function startNotice(
  t: Translate,
  failure: {
    reason: ChallengeStartFailure;
    retryAt?: number;
    notices?: FactorVerification['notices'];
  },
  nowMs: number,
): string | undefined {
  const key = failure.notices?.[failure.reason] ?? stepNotices[failure.reason];
  if (key === undefined) return undefined;
  const waitMs = Math.max(0, (failure.retryAt ?? nowMs) - nowMs);
  return t(key, {
    minutes: String(Math.max(1, Math.ceil(waitMs / 60_000))),
    seconds: String(Math.max(1, Math.ceil(waitMs / 1000))),
  });
}

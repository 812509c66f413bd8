/**
 * Sesame Verify's verification (issue 7 §1): with a registered device, the page offers « Envoyer une
 * notification push » first and waits on the request with the number to type on the phone; its
 * 6-digit code stays one link away (« Saisir un code à la place »). Without a device (the app set
 * up "without push"), the code only. The device's side — the signed answer, its checks, the
 * counting of wrong numbers and denials — is in devices/ and factors/push/.
 *
 * What the browser then proves: an approval taken once (`approved` → `consumed`) of this flow's
 * challenge for this authenticator, within its life. Its amr: `swk`, proof of possession of the
 * device's key (RFC 8176), with the user's number typed on it (factors/push/push-outcome.ts).
 */
import type { Translate } from '../../ui/i18n/messages.ts';
import { markAuthenticatorUsed } from '../authenticator-queries.ts';
import { challengeChannel } from '../challenge-queries.ts';
import type {
  FactorDeps,
  FactorVerification,
  VerificationContext,
  VerificationPrompt,
  VerificationWay,
} from '../factor.ts';
import { checkPushSettled, pushOutcome, takePushApproval } from '../push/push-outcome.ts';
import { findPushTarget } from '../push/push-queries.ts';
import { startPushChallenge } from '../push/start-push-challenge.ts';
import { verifyCodeAnswer } from '../totp/verify-totp-code.ts';

/** Whether the authenticator has a registered device to ask (not the app set up without push). */
async function hasDevice(deps: FactorDeps, context: VerificationContext): Promise<boolean> {
  return (await findPushTarget(deps.db, context.accountId, context.authenticator.id)) !== undefined;
}

/** This flow's challenge `id`, as the waiting page may know it. */
const targetOf = (context: VerificationContext, id: string) => ({
  id,
  accountId: context.accountId,
  flowId: context.flowId,
});

function codePrompt(
  context: VerificationContext,
  t: Translate,
  withPush: boolean,
): VerificationPrompt {
  const ways: VerificationWay[] = withPush
    ? [{ way: 'push', label: t('verify.push.usePush') }]
    : [];
  return {
    form: 'code',
    intro: t('verify.intro.sesame-verify', { device: context.authenticator.label }),
    ways,
  };
}

export const sesameVerifyVerification: FactorVerification = {
  async begin(deps, context, t, waiting) {
    const withPush = await hasDevice(deps, context);
    if (!withPush || context.way === 'code') return codePrompt(context, t, withPush);
    const useCode = [{ way: 'code', label: t('verify.push.useCode') }];
    const device = context.authenticator.label;
    if (waiting !== undefined) {
      const outcome = await pushOutcome(deps, targetOf(context, waiting.challengeId));
      if (outcome.status === 'pending')
        return {
          form: 'wait',
          intro: t('verify.push.waitIntro', { device }),
          challengeId: waiting.challengeId,
          number: waiting.number,
          expiresAt: outcome.expiresAt,
          ways: useCode,
        };
    }
    return {
      form: 'start',
      intro: t('verify.push.intro', { device }),
      label: t('verify.push.send'),
      ways: useCode,
    };
  },

  async start(deps, context) {
    const started = await startPushChallenge(deps, {
      accountId: context.accountId,
      flowId: context.flowId,
      authenticatorId: context.authenticator.id,
      ip: context.ip,
      userAgent: context.userAgent ?? undefined,
      clientName: (await context.clientName()) ?? 'Sesame',
      nowMs: deps.now(),
    });
    if (started.ok)
      return { ok: true, challengeId: started.challenge.id, number: started.challenge.display };
    return started;
  },

  watch: (deps, context, challengeId) => ({
    channel: challengeChannel(challengeId),
    check: () => checkPushSettled(deps, targetOf(context, challengeId)),
  }),

  async verify(deps, context, answer) {
    if (answer.challengeId === undefined) return verifyCodeAnswer(deps, context, answer);
    // One approval completes one step: of two tabs posting it, one gets it.
    const taken = await takePushApproval(deps, targetOf(context, answer.challengeId));
    if (taken.ok) {
      await markAuthenticatorUsed(deps.db, context.authenticator.id, deps.now(), false);
      return { ok: true, amr: taken.amr };
    }
    const { outcome } = taken;
    if (outcome.status === 'pending') return { ok: false, reason: 'pending' };
    if (outcome.status === 'denied')
      return { ok: false, reason: outcome.reason === 'not_me' ? 'denied' : 'mismatch' };
    return { ok: false, reason: 'expired' };
  },
};

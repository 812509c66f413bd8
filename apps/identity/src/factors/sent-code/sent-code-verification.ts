/**
 * A sent-code method at the second-factor step: « Envoyer un code par courriel » (or SMS) first;
 * once a code was sent for this flow, its form with « Renvoyer le code ». The code goes only to
 * the destination the authenticator's enrollment confirmed, and only while the account still
 * holds it (a changed address or number is confirmed again by enrolling again).
 */
import type { RecordingContext } from '../../sign-in/step-kit.ts';
import { defaultLocale, type Translate, translatorFor } from '../../ui/i18n/messages.ts';
import type { FactorDeps, FactorVerification, VerificationContext } from '../factor.ts';
import { issueSentCode } from './issue-sent-code.ts';
import { type SentCodeChannel, sentCodeNotices } from './sent-code-channel.ts';
import { findPendingCode, readDestination } from './sent-code-queries.ts';
import { verifySentCode } from './verify-sent-code.ts';

/** Where this authenticator's codes may go now: the confirmed destination, if the account holds it. */
async function confirmedDestination(
  deps: FactorDeps,
  channel: SentCodeChannel,
  context: VerificationContext,
): Promise<string | undefined> {
  const confirmed = await readDestination(deps.db, context.authenticator.id);
  const held = await channel.destinationOf(deps, context.accountId);
  return confirmed !== undefined && confirmed === held ? held : undefined;
}

const translator = (context: VerificationContext): Translate =>
  context.t ?? translatorFor(defaultLocale);

export function sentCodeVerification(
  channel: SentCodeChannel,
  amr: readonly string[],
): FactorVerification {
  const { messages } = channel;
  return {
    async begin(deps, context, t, waiting) {
      const destination = await confirmedDestination(deps, channel, context);
      const shown = destination === undefined ? '' : channel.mask(destination);
      const pending = await findPendingCode(
        deps.db,
        {
          accountId: context.accountId,
          flowId: context.flowId,
          authenticatorId: context.authenticator.id,
          kind: channel.kind,
        },
        deps.now(),
      );
      if (waiting !== undefined || pending !== undefined)
        return {
          form: 'code',
          intro: t(messages.sentIntro, { destination: shown }),
          resend: t('sentCode.resend'),
        };
      if (destination === undefined)
        return { form: 'start', intro: t(messages.unavailable), label: t(messages.send) };
      return {
        form: 'start',
        intro: t(messages.startIntro, { destination: shown }),
        label: t(messages.send),
      };
    },

    async start(deps, context) {
      const destination = await confirmedDestination(deps, channel, context);
      if (destination === undefined) return { ok: false, reason: 'unavailable' };
      return issueSentCode(deps, channel, {
        accountId: context.accountId,
        flowId: context.flowId,
        authenticatorId: context.authenticator.id,
        destination,
        t: translator(context),
      });
    },

    notices: sentCodeNotices(messages),

    verify: (deps, context: RecordingContext, answer) =>
      verifySentCode(deps, {
        accountId: context.accountId,
        flowId: context.flowId,
        authenticator: context.authenticator,
        code: answer.code ?? '',
        ip: context.ip,
        recordSuccess: context.recordSuccess,
        amr,
      }),
  };
}

/**
 * What differs between the email code and the SMS code: where the account's codes may go (read
 * from the account, never from the request), how a code is delivered there, how the destination
 * is shown, and the method's words. Everything else — the code, its single use, its limits, the
 * resend, the pages — is the same, in this folder.
 */
import type { MessageKey, Translate } from '../../ui/i18n/messages.ts';
import type { FactorDeps, FactorVerification } from '../factor.ts';

export interface SentCodeChannel {
  /** The method's registry kind: its authenticators' kind, its codes' challenge kind. */
  kind: string;
  /** Its enrollment pages: <flow base>/enroll/<slug>. */
  slug: string;
  /** The address or number the account holds now (verified email, phone), if any. */
  destinationOf(deps: FactorDeps, accountId: string): Promise<string | undefined>;
  /** Send the code there, in the page's language; rejects when it could not leave. */
  deliver(deps: FactorDeps, destination: string, code: string, t: Translate): Promise<void>;
  /** How the destination is shown on the pages (partly hidden). */
  mask(destination: string): string;
  messages: SentCodeMessages;
}

export interface SentCodeMessages {
  title: MessageKey;
  /** « Envoyer un code par courriel ». */
  send: MessageKey;
  /** Before sending (`{destination}`). */
  startIntro: MessageKey;
  /** After sending (`{destination}`). */
  sentIntro: MessageKey;
  /** The account holds no destination for it (or no longer the confirmed one). */
  unavailable: MessageKey;
  /** What its enrollment pages tell of the method (it is not alone, a risk). */
  enrollNote?: MessageKey;
}

/** The method's messages for a code not sent (too soon, too many this hour, nowhere to send). */
export function sentCodeNotices(messages: SentCodeMessages): FactorVerification['notices'] {
  return {
    throttled: 'sentCode.throttled',
    blocked: 'sentCode.blocked',
    unavailable: messages.unavailable,
    undelivered: 'sentCode.undelivered',
    expired: 'sentCode.expired',
  };
}

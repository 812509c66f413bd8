/**
 * A code by email (« Code par courriel »), sent to the account's verified address only. NOT an
 * AAL2 authenticator (G-17; NIST 800-63B-4 §3.1.3.1 excludes email from out-of-band devices): it
 * does not satisfy "MFA required", is enrolled only beside a method that does, is offered at the
 * second-factor step only to sign-ins that need no AAL2, and proves no amr (the sign-in stays
 * one-factor: `acr` 1fa). docs/security.md.
 */
import { findVerifiedEmail } from '../../mail/verified-email.ts';
import type { Factor } from '../factor.ts';
import type { SentCodeChannel } from '../sent-code/sent-code-channel.ts';
import { sentCodeEnrollmentRoutes } from '../sent-code/sent-code-enrollment-routes.tsx';
import { sentCodeVerification } from '../sent-code/sent-code-verification.ts';
import { maskEmail } from './mask-email.ts';

const emailChannel: SentCodeChannel = {
  kind: 'email-code',
  slug: 'email-code',
  destinationOf: (deps, accountId) => findVerifiedEmail(deps.db, accountId),
  deliver: (deps, to, code, t) =>
    deps.mailer.send({
      to,
      subject: t('emailCode.subject'),
      text: t('emailCode.text', { code, host: new URL(deps.publicUrl).host }),
    }),
  mask: maskEmail,
  messages: {
    title: 'factor.emailCode.title',
    send: 'emailCode.send',
    startIntro: 'emailCode.startIntro',
    sentIntro: 'emailCode.sentIntro',
    unavailable: 'emailCode.unavailable',
    enrollNote: 'emailCode.notAlone',
  },
};

export const emailCodeFactor: Factor = {
  kind: emailChannel.kind,
  slug: emailChannel.slug,
  title: 'factor.emailCode.title',
  description: 'factor.emailCode.description',
  amr: [],
  satisfiesMfa: false,
  preference: 90,
  describe: (t, authenticator) =>
    t('sentCode.describe', {
      factor: t('factor.emailCode.title'),
      destination: authenticator.label,
    }),
  enrollmentRoutes: sentCodeEnrollmentRoutes({ channel: emailChannel, alone: false }),
  verification: sentCodeVerification(emailChannel, []),
};

/**
 * A code by SMS (« Code par SMS »), sent to the phone number held on the account (set by an
 * administrator: `sesame users set-phone`), confirmed by a code at enrollment. A restricted
 * authenticator under NIST 800-63B-4 (§3.1.3.3, the public telephone network): Sesame accepts it
 * at AAL2 (it satisfies "MFA required", amr `sms`), always offers unrestricted methods beside it,
 * and tells the user the risk on its pages (docs/security.md). Offered only when a provider is
 * configured (SESAME_SMS_TWILIO_*).
 */
import type { Factor } from '../factor.ts';
import type { SentCodeChannel } from '../sent-code/sent-code-channel.ts';
import { sentCodeEnrollmentRoutes } from '../sent-code/sent-code-enrollment-routes.tsx';
import { sentCodeVerification } from '../sent-code/sent-code-verification.ts';
import { maskPhoneNumber } from './phone-number.ts';
import { phoneNumberOf } from './sms-code-queries.ts';

const smsChannel: SentCodeChannel = {
  kind: 'sms-code',
  slug: 'sms-code',
  destinationOf: async (deps, accountId) =>
    deps.sms === undefined ? undefined : phoneNumberOf(deps.db, accountId),
  deliver: async (deps, to, code, t) => {
    if (deps.sms === undefined) throw new Error('no SMS provider configured');
    // The last line binds the code to this origin for browsers that read it (WebOTP).
    const host = new URL(deps.publicUrl).host;
    await deps.sms.send(to, `${t('smsCode.text', { code })}\n\n@${host} #${code}`);
  },
  mask: maskPhoneNumber,
  messages: {
    title: 'factor.smsCode.title',
    send: 'smsCode.send',
    startIntro: 'smsCode.startIntro',
    sentIntro: 'smsCode.sentIntro',
    unavailable: 'smsCode.unavailable',
    enrollNote: 'smsCode.restricted',
  },
};

export const smsCodeFactor: Factor = {
  kind: smsChannel.kind,
  slug: smsChannel.slug,
  title: 'factor.smsCode.title',
  description: 'factor.smsCode.description',
  amr: ['sms'],
  satisfiesMfa: true,
  preference: 40,
  available: (deps) => deps.sms !== undefined,
  describe: (t, authenticator) =>
    t('sentCode.describe', { factor: t('factor.smsCode.title'), destination: authenticator.label }),
  enrollmentRoutes: sentCodeEnrollmentRoutes({ channel: smsChannel, alone: true }),
  verification: sentCodeVerification(smsChannel, ['sms']),
};

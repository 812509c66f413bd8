/**
 * Any other authenticator app (Google Authenticator, Microsoft Authenticator, 1Password…):
 * enrolled by its secret (otpauth:// QR code or the grouped key) and one valid code; signs in
 * with its 6-digit code (RFC 6238, `otp`).
 */
import type { Factor } from '../factor.ts';
import { totpEnrollmentRoutes } from './totp-enrollment-routes.tsx';
import { verifyCodeAnswer } from './verify-totp-code.ts';

export const otherAppFactor: Factor = {
  kind: 'totp',
  slug: 'other-app',
  title: 'factor.totp.title',
  description: 'factor.totp.description',
  amr: ['otp'],
  satisfiesMfa: true,
  preference: 20,
  describe: (t) => t('factor.totp.title'),
  enrollmentRoutes: totpEnrollmentRoutes({
    kind: 'totp',
    path: 'other-app',
    addedSlug: 'other-app',
    heading: 'totp.title',
    label: 'factor.totp.title',
  }),
  verification: {
    begin: async (_deps, _context, t) => ({ form: 'code', intro: t('verify.intro.totp') }),
    verify: verifyCodeAnswer,
  },
};

/**
 * A temporary access code (issue 9 §1): issued by the help desk to a client who lost their
 * phone (accounts/operations/issue-temporary-access-code.ts), never enrolled by its owner. At
 * sign-in « Utiliser un code d'accès temporaire » beside the account's methods, once; the sign-in
 * then enrolls a new method before it ends (`enrollAfter`). What it proves: `otp`.
 */
import type { Factor, FactorVerification } from '../factor.ts';
import { temporaryAccessCodeKind } from './temporary-access-code.ts';
import {
  temporaryAccessAmr,
  verifyTemporaryAccessCodeAnswer,
} from './verify-temporary-access-code.ts';

const begin: FactorVerification['begin'] = async (_deps, _context, t) => ({
  form: 'code',
  intro: t('verify.intro.temporaryAccessCode'),
  field: {
    label: t('temporaryAccessCode.field'),
    pattern: '[A-Za-z2-7 \\-]{12,20}',
    maxLength: 20,
  },
});

export const temporaryAccessCodeFactor: Factor = {
  kind: temporaryAccessCodeKind,
  slug: 'temporary-access-code',
  title: 'factor.temporaryAccessCode.title',
  description: 'factor.temporaryAccessCode.description',
  amr: temporaryAccessAmr,
  satisfiesMfa: false,
  backup: true,
  issued: true,
  enrollAfter: true,
  preference: 95,
  useLabel: 'temporaryAccessCode.use',
  describe: (t) => t('factor.temporaryAccessCode.title'),
  // Issued by the help desk: no enrollment pages of its own.
  enrollmentRoutes: async () => {},
  verification: {
    begin,
    verify: verifyTemporaryAccessCodeAnswer,
    notices: { expired: 'temporaryAccessCode.expired' },
  },
};

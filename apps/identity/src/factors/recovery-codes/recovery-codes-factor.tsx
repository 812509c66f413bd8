/**
 * Recovery codes (G-18, ADR 0009): ten single-use codes for the day the phone is lost. A backup
 * method: offered at the end of every first enrollment (« Générer mes codes ») and on the security
 * page, never an enrollment of its own (an account holding only these enrolls an authenticator
 * at its next sign-in), and at sign-in « Utiliser un code de récupération » beside the account's
 * methods. What one proves: `otp` (a one-time secret held by the owner).
 */
import type { Factor, FactorVerification } from '../factor.ts';
import { recoveryCodesLow } from './recovery-code.ts';
import { countUnusedRecoveryCodes } from './recovery-code-queries.ts';
import { recoveryCodesAccountPages } from './recovery-codes-account-routes.tsx';
import { recoveryCodesEnrollmentRoutes } from './recovery-codes-enrollment-routes.tsx';
import { recoveryCodesKind } from './recovery-codes-kind.ts';
import { recoveryCodeAmr, verifyRecoveryCodeAnswer } from './verify-recovery-code.ts';

const begin: FactorVerification['begin'] = async (deps, context, t) => {
  const remaining = await countUnusedRecoveryCodes(deps.db, context.authenticator.id);
  const count = String(remaining);
  return {
    form: 'code',
    intro: t('verify.intro.recoveryCodes', { count }),
    field: { label: t('recoveryCodes.field'), pattern: '[A-Za-z2-7 \\-]{16,32}', maxLength: 32 },
    ...(recoveryCodesLow(remaining) ? { warning: t('recoveryCodes.lowAtSignIn') } : {}),
  };
};

export const recoveryCodesFactor: Factor = {
  kind: recoveryCodesKind,
  slug: 'recovery-codes',
  title: 'factor.recoveryCodes.title',
  description: 'factor.recoveryCodes.description',
  amr: recoveryCodeAmr,
  satisfiesMfa: false,
  backup: true,
  preference: 90,
  useLabel: 'recoveryCodes.use',
  chooseLabel: 'recoveryCodes.generateMine',
  describe: (t) => t('factor.recoveryCodes.title'),
  enrollmentRoutes: recoveryCodesEnrollmentRoutes,
  account: recoveryCodesAccountPages,
  verification: { begin, verify: verifyRecoveryCodeAnswer },
};

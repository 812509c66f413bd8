/**
 * A 6-digit code checked against one authenticator of a code method (Sesame Verify and other
 * apps both hold a TOTP secret), under its own failure limits (G-39): per source address, and per
 * account and method — never the password's counter. The step is consumed atomically with the
 * authenticator's use (or its activation, when the first code confirms it: G-05), the limits'
 * release and what the caller records of the success (`recordSuccess`): one transaction, after
 * the reservation's own (committed before the code is evaluated).
 */

import type { SettleIn } from '../../security/with-attempt-limit.ts';
import type { RecordingContext } from '../../sign-in/step-kit.ts';
import { markAuthenticatorUsed, mayStillEnroll } from '../authenticator-queries.ts';
import { checkUnderLimits } from '../check-under-limits.ts';
import type {
  Authenticator,
  FactorDeps,
  FactorVerification,
  VerificationResult,
} from '../factor.ts';
import { checkTotpCode } from './totp-code.ts';
import { consumeTotpStep, readTotpSecret } from './totp-queries.ts';

export interface TotpCodeInput {
  accountId: string;
  authenticator: Authenticator;
  code: string;
  ip: string;
  /** Confirm a pending authenticator with its first code, instead of signing in with an active one. */
  activate?: boolean;
  /** The caller's writes of a success (RecordingContext), in the transaction that consumes it. */
  recordSuccess?: RecordingContext['recordSuccess'];
}

export async function verifyTotpCode(
  deps: Pick<FactorDeps, 'db' | 'box' | 'limiter' | 'now'>,
  input: TotpCodeInput,
): Promise<VerificationResult> {
  return checkUnderLimits(
    deps,
    { accountId: input.accountId, kind: input.authenticator.kind, ip: input.ip },
    (settleIn) => checkAndConsume(deps, input, settleIn),
  );
}

async function checkAndConsume(
  deps: Pick<FactorDeps, 'db' | 'box' | 'now'>,
  input: TotpCodeInput,
  settleIn: SettleIn,
): Promise<VerificationResult> {
  const { authenticator } = input;
  // Only the state this check expects: pending when confirming, active when signing in.
  if (authenticator.status !== (input.activate ? 'pending' : 'active'))
    return { ok: false, reason: 'invalid' };
  const stored = await readTotpSecret(deps.db, deps.box, authenticator.id);
  if (stored === undefined) return { ok: false, reason: 'invalid' };
  const nowMs = deps.now();
  const checked = checkTotpCode({
    secret: stored.secret,
    code: input.code,
    nowMs,
    lastUsedStep: stored.lastUsedStep,
  });
  if (!checked.ok) return checked;
  // The rows may have moved on since they were read (a parallel request): the UPDATEs decide.
  return deps.db
    .transaction()
    .execute(async (trx): Promise<VerificationResult> => {
      // A first code confirms a method only while the account has none from elsewhere (G-40).
      if (input.activate && !(await mayStillEnroll(trx, input.accountId, authenticator.flow_id)))
        return { ok: false, reason: 'invalid' };
      // The authenticator's row before its secret's, the order in which removing it locks them
      // (its secret goes by cascade): the other order could deadlock with an MFA reset.
      if (!(await markAuthenticatorUsed(trx, authenticator.id, nowMs, input.activate ?? false)))
        throw new StateChanged();
      if (!(await consumeTotpStep(trx, authenticator.id, checked.step))) throw new StateChanged();
      const amr = ['otp'];
      // The limits are released and the success recorded with the step's consumption, or none is.
      await settleIn(trx);
      await input.recordSuccess?.(trx, amr);
      return { ok: true, amr };
    })
    .catch((error: unknown): VerificationResult => {
      if (error instanceof StateChanged) return { ok: false, reason: 'replayed' };
      throw error;
    });
}

/** Rolls the transaction back when the step was used or the authenticator changed meanwhile. */
class StateChanged extends Error {}

/** The `verify` of every code method: the answer's code against the chosen authenticator. */
export const verifyCodeAnswer: FactorVerification['verify'] = (
  deps,
  context: RecordingContext,
  answer,
) =>
  verifyTotpCode(deps, {
    accountId: context.accountId,
    authenticator: context.authenticator,
    code: answer.code ?? '',
    ip: context.ip,
    recordSuccess: context.recordSuccess,
  });

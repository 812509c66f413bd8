/**
 * A sent code checked against the flow's pending code for one authenticator, under the method's
 * failure limits (G-39): per source address, and per account and method — never the password's
 * counter, never reset by a new code (G-08). The code is consumed by one atomic
 * `UPDATE … WHERE status = 'pending' AND secret_hash = … RETURNING` (of two parallel answers, one
 * wins), in one transaction with the authenticator's use (or its activation, with the destination
 * the code confirmed), the limits' release and what the caller records of the success.
 */

import type { SettleIn } from '../../security/with-attempt-limit.ts';
import type { RecordingContext } from '../../sign-in/step-kit.ts';
import { markAuthenticatorUsed } from '../authenticator-queries.ts';
import { settleChallenge } from '../challenge-queries.ts';
import { checkUnderLimits } from '../check-under-limits.ts';
import type { Authenticator, FactorDeps, VerificationResult } from '../factor.ts';
import { hashSentCode } from './make-sent-code.ts';
import { findPendingCode, storeDestination } from './sent-code-queries.ts';
import { normalizeSentCode } from './sent-code-rules.ts';

export interface SentCodeInput {
  accountId: string;
  flowId: string;
  authenticator: Authenticator;
  code: string;
  ip: string;
  /** Confirm a pending authenticator (its enrollment), with what it may check in the transaction. */
  activate?: { mayActivate: (trx: FactorDeps['db']) => Promise<boolean> };
  recordSuccess?: RecordingContext['recordSuccess'];
  /** The amr a success proves (the method's). */
  amr: readonly string[];
}

export async function verifySentCode(
  deps: FactorDeps,
  input: SentCodeInput,
): Promise<VerificationResult> {
  const { kind } = input.authenticator;
  return checkUnderLimits(deps, { accountId: input.accountId, kind, ip: input.ip }, (settleIn) =>
    checkAndConsume(deps, input, settleIn),
  );
}

async function checkAndConsume(
  deps: FactorDeps,
  input: SentCodeInput,
  settleIn: SettleIn,
): Promise<VerificationResult> {
  const { authenticator } = input;
  // Only the state this check expects: pending when confirming, active when signing in.
  if (authenticator.status !== (input.activate ? 'pending' : 'active'))
    return { ok: false, reason: 'invalid' };
  const nowMs = deps.now();
  const target = {
    accountId: input.accountId,
    flowId: input.flowId,
    authenticatorId: authenticator.id,
    kind: authenticator.kind,
  };
  const pending = await findPendingCode(deps.db, target, nowMs);
  // No code waiting: never sent, replaced by a resend, used, or past its 10 minutes.
  if (pending === undefined) return { ok: false, reason: 'expired' };
  const code = normalizeSentCode(input.code);
  if (code === undefined) return { ok: false, reason: 'invalid' };
  return deps.db
    .transaction()
    .execute(async (trx): Promise<VerificationResult> => {
      if (input.activate && !(await input.activate.mayActivate(trx)))
        return { ok: false, reason: 'invalid' };
      // The UPDATE decides: a wrong code, or one a parallel answer took, settles nothing.
      const settled = await settleChallenge(
        trx,
        { id: pending.id, accountId: input.accountId, flowId: input.flowId },
        'consumed',
        nowMs,
        { secretHash: hashSentCode(deps.box, pending.id, code) },
      );
      if (settled === undefined) return { ok: false, reason: 'invalid' };
      if (
        !(await markAuthenticatorUsed(trx, authenticator.id, nowMs, input.activate !== undefined))
      )
        throw new StateChanged();
      if (input.activate) {
        const { destination } = JSON.parse(settled.payload) as { destination: string };
        await storeDestination(trx, authenticator.id, destination);
      }
      await settleIn(trx);
      await input.recordSuccess?.(trx, input.amr);
      return { ok: true, amr: input.amr };
    })
    .catch((error: unknown): VerificationResult => {
      if (error instanceof StateChanged) return { ok: false, reason: 'replayed' };
      throw error;
    });
}

/** Rolls the code's consumption back when the authenticator changed state meanwhile. */
class StateChanged extends Error {}

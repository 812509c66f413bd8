/**
 * A recovery code at the second-factor step (G-18): under the second factor's own failure limits
 * (per source address, and per account and method: G-39 — never the password's counter), one
 * argon2id hash of what was typed with the set's salt, then one atomic `UPDATE … WHERE used_at
 * IS NULL … RETURNING`: of two uses of one code, in parallel or not, exactly one succeeds. The
 * use, the authenticator's last use, the limits' release, the audit event `recovery_code.used`
 * and the step's own records are one transaction. With three codes left or fewer, the step says so
 * before going on (VerificationResult `notice`).
 */
import { recordAuditEvent } from '../../audit/record-audit-event.ts';
import type { SettleIn } from '../../security/with-attempt-limit.ts';
import type { RecordingContext } from '../../sign-in/step-kit.ts';
import { markAuthenticatorUsed } from '../authenticator-queries.ts';
import { typedCodeVerification } from '../check-under-limits.ts';
import type { FactorDeps, VerificationResult } from '../factor.ts';
import { normalizeRecoveryCode, recoveryCodesLow } from './recovery-code.ts';
import { hashRecoveryCode } from './recovery-code-hash.ts';
import {
  countUnusedRecoveryCodes,
  readRecoveryCodeHashing,
  useRecoveryCode,
} from './recovery-code-queries.ts';

/** What a recovery code proves (ADR 0009): a one-time secret the owner holds — `otp`. */
export const recoveryCodeAmr: readonly string[] = ['otp'];

async function checkAndUse(
  deps: Pick<FactorDeps, 'db' | 'now'>,
  context: RecordingContext,
  typed: string,
  settleIn: SettleIn,
): Promise<VerificationResult> {
  const { authenticator } = context;
  if (authenticator.status !== 'active') return { ok: false, reason: 'invalid' };
  // Not the shape of a code: refused (and counted) without a hash.
  const code = normalizeRecoveryCode(typed);
  if (code === undefined) return { ok: false, reason: 'invalid' };
  const hashing = await readRecoveryCodeHashing(deps.db, authenticator.id);
  if (hashing === undefined) return { ok: false, reason: 'invalid' };
  const hash = await hashRecoveryCode(code, hashing);
  const nowMs = deps.now();
  return deps.db
    .transaction()
    .execute(async (trx): Promise<VerificationResult> => {
      // The one statement that decides: a code unused until now, used now.
      if (!(await useRecoveryCode(trx, authenticator.id, hash, nowMs)))
        return { ok: false, reason: 'invalid' };
      // The set was replaced meanwhile: nothing of this use stays.
      if (!(await markAuthenticatorUsed(trx, authenticator.id, nowMs, false)))
        throw new SetReplaced();
      await settleIn(trx);
      await recordAuditEvent(
        trx,
        {
          type: 'recovery_code.used',
          accountId: context.accountId,
          ip: context.ip,
          userAgent: context.userAgent,
        },
        nowMs,
      );
      await context.recordSuccess?.(trx, recoveryCodeAmr);
      // Three left or fewer: said once this one is accepted, before going on.
      const remaining = await countUnusedRecoveryCodes(trx, authenticator.id);
      const notice =
        recoveryCodesLow(remaining) && context.t !== undefined
          ? context.t('recoveryCodes.lowAfterUse', { count: String(remaining) })
          : undefined;
      return { ok: true, amr: recoveryCodeAmr, ...(notice === undefined ? {} : { notice }) };
    })
    .catch((error: unknown): VerificationResult => {
      if (error instanceof SetReplaced) return { ok: false, reason: 'invalid' };
      throw error;
    });
}

class SetReplaced extends Error {}

export const verifyRecoveryCodeAnswer = typedCodeVerification(checkAndUse);

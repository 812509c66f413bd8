/**
 * A temporary access code at the second-factor step: under the second factor's failure limits
 * (per source address, and per account and method; a wrong code counts), then one atomic DELETE
 * that takes it if it is this code and not expired. The use, the limits' release, the audit event
 * `temporary_access_code.used` and the step's own records are one transaction.
 */
import { recordAuditEvent } from '../../audit/record-audit-event.ts';
import type { SettleIn } from '../../security/with-attempt-limit.ts';
import type { RecordingContext } from '../../sign-in/step-kit.ts';
import { typedCodeVerification } from '../check-under-limits.ts';
import type { FactorDeps, VerificationResult } from '../factor.ts';
import {
  normalizeTemporaryAccessCode,
  temporaryAccessMacPurpose,
} from './temporary-access-code.ts';
import {
  readTemporaryAccessCode,
  useTemporaryAccessCode,
} from './temporary-access-code-queries.ts';

/** A one-time secret the help desk handed its owner: `otp`. */
export const temporaryAccessAmr: readonly string[] = ['otp'];

async function checkAndUse(
  deps: Pick<FactorDeps, 'db' | 'box' | 'now'>,
  context: RecordingContext,
  typed: string,
  settleIn: SettleIn,
): Promise<VerificationResult> {
  const { authenticator } = context;
  const nowMs = deps.now();
  const stored = await readTemporaryAccessCode(deps.db, authenticator.id);
  if (stored === undefined) return { ok: false, reason: 'invalid' };
  // Past its hour: said so (the help desk gives another), and still counted.
  if (stored.expires_at <= nowMs) return { ok: false, reason: 'expired' };
  const code = normalizeTemporaryAccessCode(typed);
  if (code === undefined) return { ok: false, reason: 'invalid' };
  const codeMac = deps.box.mac(code, temporaryAccessMacPurpose);
  return deps.db.transaction().execute(async (trx): Promise<VerificationResult> => {
    const used = await useTemporaryAccessCode(trx, {
      authenticatorId: authenticator.id,
      accountId: context.accountId,
      codeMac,
      nowMs,
    });
    if (!used) return { ok: false, reason: 'invalid' };
    await settleIn(trx);
    await recordAuditEvent(
      trx,
      {
        type: 'temporary_access_code.used',
        accountId: context.accountId,
        ip: context.ip,
        userAgent: context.userAgent,
      },
      nowMs,
    );
    await context.recordSuccess?.(trx, temporaryAccessAmr);
    return { ok: true, amr: temporaryAccessAmr };
  });
}

export const verifyTemporaryAccessCodeAnswer = typedCodeVerification(checkAndUse);

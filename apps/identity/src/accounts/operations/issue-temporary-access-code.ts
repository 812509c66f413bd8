/**
 * Give a client who lost their phone a temporary access code (issue 9 §1): single use, an hour by
 * default, replacing any earlier one; shown once to the help desk (only its keyed hash is kept).
 * With it, the client's next sign-in passes the second factor once and then enrolls a new method
 * before it ends (flow.ts `enrollAfter`). One transaction with its audit record naming the actor.
 */
import { randomUUID } from 'node:crypto';
import {
  defaultTemporaryAccessTtlSeconds,
  generateTemporaryAccessCode,
  temporaryAccessMacPurpose,
} from '../../factors/temporary-access-code/temporary-access-code.ts';
import { replaceTemporaryAccessCode } from '../../factors/temporary-access-code/temporary-access-code-queries.ts';
import type { SecretBox } from '../../security/secret-box.ts';
import { type Actor, describeActor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export async function issueTemporaryAccessCode(
  deps: OperationDeps & { box: SecretBox },
  actor: Actor,
  args: { accountId: string; ttlSeconds?: number; origin?: OperationOrigin },
): Promise<{ code: string; expiresAt: number }> {
  const code = generateTemporaryAccessCode();
  const nowMs = deps.now();
  const expiresAt = nowMs + (args.ttlSeconds ?? defaultTemporaryAccessTtlSeconds) * 1000;
  await runOperation(
    deps,
    actor,
    {
      ...args.origin,
      type: 'temporary_access_code.issued',
      accountId: args.accountId,
      reason: new Date(expiresAt).toISOString(),
    },
    (trx) =>
      replaceTemporaryAccessCode(trx, {
        authenticatorId: randomUUID(),
        accountId: args.accountId,
        codeMac: deps.box.mac(code, temporaryAccessMacPurpose),
        label: 'temporary access code',
        issuedBy: describeActor(actor),
        nowMs,
        expiresAt,
      }),
  );
  return { code, expiresAt };
}

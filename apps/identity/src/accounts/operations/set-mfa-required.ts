/**
 * Require MFA for one account, or stop requiring it (the guide's first trigger, for one client):
 * the flag and its audit record, in one transaction. Sign-ins in progress re-read the account's
 * standing at their next step, so one already past the password is asked to enroll.
 */
import { setAccountMfaRequired } from '../../policy/mfa-policy.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export async function setMfaRequired(
  deps: OperationDeps,
  actor: Actor,
  args: { accountId: string; required: boolean; origin?: OperationOrigin },
): Promise<void> {
  await runOperation(
    deps,
    actor,
    {
      ...args.origin,
      type: 'account.mfa_requirement_changed',
      accountId: args.accountId,
      reason: args.required ? 'on' : 'off',
    },
    (trx) => setAccountMfaRequired(trx, args.accountId, args.required, deps.now()),
  );
}

/**
 * Lock an account: it signs in no more, and keeps nothing — sessions, grants, tokens and sign-in
 * flows in progress end in the same transaction (G-28, G-41).
 */
import { setAccountLocked } from '../queries.ts';
import type { Actor } from './actor.ts';
import {
  endAccountState,
  type OperationDeps,
  type OperationOrigin,
  runOperation,
} from './operation-deps.ts';

export async function lockAccount(
  deps: OperationDeps,
  actor: Actor,
  args: { accountId: string; origin?: OperationOrigin },
): Promise<{ oidcRecords: number; flows: number }> {
  return runOperation(
    deps,
    actor,
    { ...args.origin, type: 'account.locked', accountId: args.accountId },
    async (trx) => {
      await setAccountLocked(trx, args.accountId, true, deps.now());
      return endAccountState(trx, args.accountId, { nowMs: deps.now() });
    },
  );
}

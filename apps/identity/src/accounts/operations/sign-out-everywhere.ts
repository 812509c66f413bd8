/**
 * « Se déconnecter partout » from the security page: every provider session of the account (this
 * browser's too), its grants and tokens, its sign-in flows and step-ups in progress, and its
 * remembered browsers end in one transaction, audited with the user as actor (G-28).
 */
import type { Actor } from './actor.ts';
import {
  endAccountState,
  type OperationDeps,
  type OperationOrigin,
  runOperation,
} from './operation-deps.ts';

export async function signOutEverywhere(
  deps: OperationDeps,
  actor: Actor,
  args: { accountId: string; origin?: OperationOrigin },
): Promise<{ oidcRecords: number; flows: number }> {
  return runOperation(
    deps,
    actor,
    { ...args.origin, type: 'account.signed_out_everywhere', accountId: args.accountId },
    (trx) => endAccountState(trx, args.accountId, { nowMs: deps.now() }),
  );
}

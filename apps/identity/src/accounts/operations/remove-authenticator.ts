/**
 * Remove one method of an account (its device goes with it, by foreign key). Sign-in flows that
 * were waiting on it re-read the account at their next step (G-40); removing the last one means
 * enrolling again at the next sign-in when MFA is required.
 */
import { markMethodsChanged } from '../../factors/authenticator-queries.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export async function removeAuthenticator(
  deps: OperationDeps,
  actor: Actor,
  args: {
    accountId: string;
    authenticatorId: string;
    origin?: OperationOrigin;
    reason?: string;
  },
): Promise<{ removed: boolean }> {
  return runOperation(
    deps,
    actor,
    {
      ...args.origin,
      type: 'authenticator.removed',
      accountId: args.accountId,
      reason: args.reason ?? null,
    },
    async (trx) => {
      await trx
        .deleteFrom('activations')
        .where('authenticator_id', '=', args.authenticatorId)
        .execute();
      const result = await trx
        .deleteFrom('authenticators')
        .where('id', '=', args.authenticatorId)
        .where('account_id', '=', args.accountId)
        .executeTakeFirst();
      const removed = Number(result.numDeletedRows) === 1;
      if (removed) await markMethodsChanged(trx, args.accountId, deps.now());
      return { removed };
    },
  );
}

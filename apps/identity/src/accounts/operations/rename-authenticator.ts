/**
 * Name one of the account's methods (the security page's « Renommer »; the name already checked
 * by the caller): its label, in one transaction with the audit record naming the actor. False
 * when the method is no longer the account's active one (then nothing is recorded).
 */
import { renameAuthenticator as renameRow } from '../../factors/authenticator-queries.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

class NothingRenamed extends Error {}

export async function renameAuthenticator(
  deps: OperationDeps,
  actor: Actor,
  args: {
    accountId: string;
    authenticatorId: string;
    label: string;
    reason: string;
    origin?: OperationOrigin;
  },
): Promise<boolean> {
  const { accountId, authenticatorId, label } = args;
  try {
    return await runOperation(
      deps,
      actor,
      { ...args.origin, type: 'authenticator.renamed', accountId, reason: args.reason },
      async (trx) => {
        // Gone meanwhile: the transaction rolls back, and no audit record says it was renamed.
        if (!(await renameRow(trx, { accountId, id: authenticatorId, label }, deps.now())))
          throw new NothingRenamed();
        return true;
      },
    );
  } catch (error) {
    if (error instanceof NothingRenamed) return false;
    throw error;
  }
}

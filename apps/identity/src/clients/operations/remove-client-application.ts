/**
 * Remove an application: from the next request on, oidc-provider knows no such client — its
 * sign-ins, codes, refresh tokens and access tokens are refused (ADR 0012). false: not there.
 */
import type { Actor } from '../../accounts/operations/actor.ts';
import { type OperationOrigin, runOperation } from '../../accounts/operations/operation-deps.ts';
import { deleteClientApplication } from '../client-queries.ts';
import type { ClientOperationDeps } from './client-operation-deps.ts';
import { unlessMissing } from './unless-missing.ts';

export async function removeClientApplication(
  deps: ClientOperationDeps,
  actor: Actor,
  args: { clientId: string; origin?: OperationOrigin },
): Promise<boolean> {
  // The record names the application it removed (its name, as the console's log shows it).
  const audit = (name: string) => ({
    ...args.origin,
    type: 'client.removed' as const,
    clientId: args.clientId,
    reason: name,
  });
  return unlessMissing(() =>
    runOperation(deps, actor, audit, async (trx) => {
      const name = await deleteClientApplication(trx, args.clientId);
      if (name === undefined) throw unlessMissing.missing;
      return name;
    }),
  );
}

/**
 * Change an application's name, redirect URIs or two-factor requirement: the next authorization
 * request reads them (ADR 0012). false: no such application (nothing audited).
 */
import type { Actor } from '../../accounts/operations/actor.ts';
import { type OperationOrigin, runOperation } from '../../accounts/operations/operation-deps.ts';
import { type ClientApplicationInput, updateClientApplication } from '../client-queries.ts';
import type { ClientOperationDeps } from './client-operation-deps.ts';
import { unlessMissing } from './unless-missing.ts';

export async function editClientApplication(
  deps: ClientOperationDeps,
  actor: Actor,
  args: ClientApplicationInput & { clientId: string; origin?: OperationOrigin },
): Promise<boolean> {
  const { origin, ...input } = args;
  const audit = {
    ...origin,
    type: 'client.updated' as const,
    clientId: args.clientId,
    reason: input.name,
  };
  return unlessMissing(() =>
    runOperation(deps, actor, audit, async (trx) => {
      if (!(await updateClientApplication(trx, { ...input, nowMs: deps.now() })))
        throw unlessMissing.missing;
    }),
  );
}

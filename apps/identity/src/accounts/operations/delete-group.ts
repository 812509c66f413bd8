/**
 * Delete a group and its memberships; audited with its name. Its members keep their accounts;
 * if the policy chose it, they are no longer required MFA by it from their next sign-in step.
 */
import { deleteGroup as remove } from '../../policy/groups-queries.ts';
import type { Actor } from './actor.ts';
import { type GroupOperationArgs, runGroupOperation } from './group-operation.ts';
import type { OperationDeps } from './operation-deps.ts';

export async function deleteGroup(
  deps: OperationDeps,
  actor: Actor,
  args: GroupOperationArgs,
): Promise<void> {
  await runGroupOperation(deps, actor, args, 'group.deleted', (trx, group) =>
    remove(trx, group.id),
  );
}

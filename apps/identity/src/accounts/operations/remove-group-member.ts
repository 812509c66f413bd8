/** Remove an account from a group; audited with the account and the group's name. Whether it was a member. */
import { removeGroupMember as remove } from '../../policy/groups-queries.ts';
import type { Actor } from './actor.ts';
import { type GroupOperationArgs, runGroupOperation } from './group-operation.ts';
import type { OperationDeps } from './operation-deps.ts';

export async function removeGroupMember(
  deps: OperationDeps,
  actor: Actor,
  args: GroupOperationArgs & { accountId: string },
): Promise<boolean> {
  return runGroupOperation(deps, actor, args, 'group.member_removed', (trx, group) =>
    remove(trx, group.id, args.accountId),
  );
}

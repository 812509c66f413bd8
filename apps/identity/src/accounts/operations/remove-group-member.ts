/** Remove an account from a group; audited with the account and the group's name. Whether it was a member. */
import { AppError } from '../../errors.ts';
import { findGroup, removeGroupMember as remove } from '../../policy/groups-queries.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export async function removeGroupMember(
  deps: OperationDeps,
  actor: Actor,
  args: { groupId: string; accountId: string; origin?: OperationOrigin },
): Promise<boolean> {
  let name = '';
  return runOperation(
    deps,
    actor,
    () => ({
      ...args.origin,
      type: 'group.member_removed',
      accountId: args.accountId,
      reason: name,
    }),
    async (trx) => {
      const group = await findGroup(trx, args.groupId);
      if (group === undefined || group.id !== args.groupId) throw new AppError('request.not_found');
      name = group.name;
      return remove(trx, group.id, args.accountId);
    },
  );
}

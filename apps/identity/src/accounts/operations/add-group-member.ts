/**
 * Add an account to a group; audited with the account and the group's name. A group the policy
 * chose requires MFA of it from its next sign-in step (the standing is read at every step).
 * Whether it was not a member yet.
 */
import { AppError } from '../../errors.ts';
import { addGroupMember as add, findGroup } from '../../policy/groups-queries.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export async function addGroupMember(
  deps: OperationDeps,
  actor: Actor,
  args: { groupId: string; accountId: string; origin?: OperationOrigin },
): Promise<boolean> {
  let name = '';
  return runOperation(
    deps,
    actor,
    () => ({ ...args.origin, type: 'group.member_added', accountId: args.accountId, reason: name }),
    async (trx) => {
      const group = await findGroup(trx, args.groupId);
      if (group === undefined || group.id !== args.groupId) throw new AppError('request.not_found');
      name = group.name;
      return add(trx, group.id, args.accountId, deps.now());
    },
  );
}

/**
 * Add an account to a group; audited with the account and the group's name. A group the policy
 * chose requires MFA of it from its next sign-in step (the standing is read at every step).
 * Whether it was not a member yet.
 */
import { addGroupMember as add } from '../../policy/groups-queries.ts';
import type { Actor } from './actor.ts';
import { type GroupOperationArgs, runGroupOperation } from './group-operation.ts';
import type { OperationDeps } from './operation-deps.ts';

export async function addGroupMember(
  deps: OperationDeps,
  actor: Actor,
  args: GroupOperationArgs & { accountId: string },
): Promise<boolean> {
  return runGroupOperation(deps, actor, args, 'group.member_added', (trx, group) =>
    add(trx, group.id, args.accountId, deps.now()),
  );
}

/**
 * Delete a group and its memberships; audited with its name. Its members keep their accounts;
 * if the policy chose it, they are no longer required MFA by it from their next sign-in step.
 */
import { AppError } from '../../errors.ts';
import { findGroup, deleteGroup as remove } from '../../policy/groups-queries.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export async function deleteGroup(
  deps: OperationDeps,
  actor: Actor,
  args: { groupId: string; origin?: OperationOrigin },
): Promise<void> {
  let name = '';
  await runOperation(
    deps,
    actor,
    () => ({ ...args.origin, type: 'group.deleted', reason: name }),
    async (trx) => {
      const group = await findGroup(trx, args.groupId);
      if (group === undefined || group.id !== args.groupId) throw new AppError('request.not_found');
      name = group.name;
      await remove(trx, group.id);
    },
  );
}

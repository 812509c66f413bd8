/**
 * Make a group (issue 9): its name, unique in any case, and a description; audited with its
 * name, in one transaction.
 */
import { AppError } from '../../errors.ts';
import { type Group, insertGroup, isGroupNameTaken } from '../../policy/groups-queries.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export async function createGroup(
  deps: OperationDeps,
  actor: Actor,
  args: { name: string; description?: string; origin?: OperationOrigin },
): Promise<Group> {
  return runOperation(
    deps,
    actor,
    (group: Group) => ({ ...args.origin, type: 'group.created', reason: group.name }),
    async (trx) => {
      if (args.name.trim() === '') throw new AppError('request.invalid');
      if (await isGroupNameTaken(trx, args.name)) throw new AppError('group.name_taken');
      return insertGroup(trx, {
        name: args.name,
        description: args.description ?? '',
        nowMs: deps.now(),
      });
    },
  );
}

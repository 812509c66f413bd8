/** Rename a group, or change its description; audited with its old and new names. */
import { AppError } from '../../errors.ts';
import { findGroup, isGroupNameTaken, updateGroup as write } from '../../policy/groups-queries.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export async function updateGroup(
  deps: OperationDeps,
  actor: Actor,
  args: { groupId: string; name: string; description?: string; origin?: OperationOrigin },
): Promise<void> {
  let from = '';
  await runOperation(
    deps,
    actor,
    () => ({ ...args.origin, type: 'group.renamed', reason: `${from} → ${args.name.trim()}` }),
    async (trx) => {
      const group = await findGroup(trx, args.groupId);
      if (group === undefined || group.id !== args.groupId) throw new AppError('request.not_found');
      if (args.name.trim() === '') throw new AppError('request.invalid');
      if (await isGroupNameTaken(trx, args.name, group.id)) throw new AppError('group.name_taken');
      from = group.name;
      await write(trx, group.id, {
        name: args.name,
        description: args.description ?? group.description,
      });
    },
  );
}

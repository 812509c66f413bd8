/** Rename a group, or change its description; audited with its old and new names. */
import { AppError } from '../../errors.ts';
import { isGroupNameTaken, updateGroup as write } from '../../policy/groups-queries.ts';
import type { Actor } from './actor.ts';
import { type GroupOperationArgs, runGroupOperation } from './group-operation.ts';
import type { OperationDeps } from './operation-deps.ts';

export async function updateGroup(
  deps: OperationDeps,
  actor: Actor,
  args: GroupOperationArgs & { name: string; description?: string },
): Promise<void> {
  const name = args.name.trim();
  await runGroupOperation(
    deps,
    actor,
    args,
    'group.renamed',
    async (trx, group) => {
      if (name === '') throw new AppError('request.invalid');
      if (await isGroupNameTaken(trx, name, group.id)) throw new AppError('group.name_taken');
      await write(trx, group.id, { name, description: args.description ?? group.description });
    },
    (group) => `${group.name} → ${name}`,
  );
}

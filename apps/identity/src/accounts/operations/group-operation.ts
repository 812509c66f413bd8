/**
 * What every operation on an existing group shares: the group found by its id (or a 404), its
 * name as the audit record's reason, and the change in the operation's one transaction.
 */
import type { Kysely } from 'kysely';
import type { AuditEventType } from '../../audit/record-audit-event.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { findGroup, type Group } from '../../policy/groups-queries.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export interface GroupOperationArgs {
  groupId: string;
  /** The account the change is about (a member), if any. */
  accountId?: string;
  origin?: OperationOrigin;
}

export async function runGroupOperation<T>(
  deps: OperationDeps,
  actor: Actor,
  args: GroupOperationArgs,
  type: AuditEventType,
  work: (trx: Kysely<Database>, group: Group) => Promise<T>,
  /** The reason recorded, from the group as it was (its name unless told). */
  reason: (group: Group) => string = (group) => group.name,
): Promise<T> {
  let said = '';
  return runOperation(
    deps,
    actor,
    () => ({ ...args.origin, type, accountId: args.accountId ?? null, reason: said }),
    async (trx) => {
      const group = await findGroup(trx, args.groupId);
      if (group === undefined || group.id !== args.groupId) throw new AppError('request.not_found');
      const result = await work(trx, group);
      said = reason(group);
      return result;
    },
  );
}

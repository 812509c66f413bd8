/**
 * Make an account an administrator (`admin`: everything; `helpdesk`: the users only), or a client
 * again (`null`). The console reads the role at every request, so the change holds at once.
 */
import type { AdminRole } from '../../db/database.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export async function setRole(
  deps: OperationDeps,
  actor: Actor,
  args: { accountId: string; role: AdminRole | null; origin?: OperationOrigin },
): Promise<void> {
  await runOperation(
    deps,
    actor,
    {
      ...args.origin,
      type: 'account.role_changed',
      accountId: args.accountId,
      reason: args.role ?? 'none',
    },
    async (trx) => {
      await trx
        .updateTable('accounts')
        .set({ role: args.role, updated_at: deps.now() })
        .where('id', '=', args.accountId)
        .execute();
    },
  );
}

/** Change the name an account is shown by (an HR system's SCIM update, the console): audited. */
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export async function renameAccount(
  deps: OperationDeps,
  actor: Actor,
  args: { accountId: string; name: string; origin?: OperationOrigin },
): Promise<void> {
  await runOperation(
    deps,
    actor,
    { ...args.origin, type: 'account.renamed', accountId: args.accountId },
    async (trx) => {
      await trx
        .updateTable('accounts')
        .set({ name: args.name, updated_at: deps.now() })
        .where('id', '=', args.accountId)
        .execute();
    },
  );
}

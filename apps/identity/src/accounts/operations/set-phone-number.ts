/**
 * Set or remove the phone number held on an account (`sesame users set-phone`), where SMS codes
 * go. An SMS code authenticator keeps the number its enrollment confirmed: after a change, it is
 * not used until the new number is confirmed by enrolling it again (factors/sms-code/).
 */
import { setPhoneNumber as writePhoneNumber } from '../../factors/sms-code/sms-code-queries.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export async function setPhoneNumber(
  deps: OperationDeps,
  actor: Actor,
  args: { accountId: string; phoneNumber: string | null; origin?: OperationOrigin },
): Promise<void> {
  await runOperation(
    deps,
    actor,
    {
      ...args.origin,
      type: 'account.phone_changed',
      accountId: args.accountId,
      reason: args.phoneNumber === null ? 'removed' : 'set',
    },
    async (trx) => {
      await writePhoneNumber(trx, args.accountId, args.phoneNumber, deps.now());
    },
  );
}

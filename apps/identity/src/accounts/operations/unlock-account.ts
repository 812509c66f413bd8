/**
 * Unlock an account, and lift the lockouts its failed attempts left — the password's and each
 * second-factor method's, hard limit included (an administrator's unlock, G-46).
 */
import { createAttemptLimiter } from '../../security/attempt-limiter.ts';
import { accountLimitPrefixes } from '../../security/attempt-policy.ts';
import { setAccountLocked } from '../queries.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export async function unlockAccount(
  deps: OperationDeps,
  actor: Actor,
  args: { accountId: string; origin?: OperationOrigin },
): Promise<void> {
  await runOperation(
    deps,
    actor,
    { ...args.origin, type: 'account.unlocked', accountId: args.accountId },
    async (trx) => {
      await setAccountLocked(trx, args.accountId, false, deps.now());
      await createAttemptLimiter(trx).clearPrefixed(accountLimitPrefixes(args.accountId));
    },
  );
}

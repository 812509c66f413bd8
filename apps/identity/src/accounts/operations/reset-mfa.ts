/**
 * Reset an account's MFA (the guide's third trigger): every method and device goes, with the
 * activations not yet redeemed, and the sign-in flows in progress end, so that none completes on
 * what was removed (G-41). The account enrolls again at its next sign-in when MFA is required.
 */
import {
  countDevices,
  deleteAllAuthenticators,
  markMethodsChanged,
} from '../../factors/authenticator-queries.ts';
import { revokeAccountRememberedBrowsers } from '../../remember-browser/queries.ts';
import { deleteAccountFlows } from '../../sign-in/queries.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export async function resetMfa(
  deps: OperationDeps,
  actor: Actor,
  args: { accountId: string; origin?: OperationOrigin },
): Promise<{ authenticators: number; devices: number; flows: number }> {
  return runOperation(
    deps,
    actor,
    { ...args.origin, type: 'account.mfa_reset', accountId: args.accountId },
    async (trx) => {
      // The devices go with their authenticators (foreign key, on delete cascade); counted first.
      const devices = await countDevices(trx, args.accountId);
      const authenticators = await deleteAllAuthenticators(trx, args.accountId);
      const flows = await deleteAccountFlows(trx, args.accountId);
      await markMethodsChanged(trx, args.accountId, deps.now());
      // A remembered browser stood for a method that is gone.
      await revokeAccountRememberedBrowsers(trx, args.accountId, deps.now());
      return { authenticators, devices, flows };
    },
  );
}

/**
 * Set an account's password (already checked against the policy and hashed by the caller): every
 * session, grant, token, sign-in flow in progress and remembered browser ends with the old one
 * (G-28, G-41) — except, when the user changes it from the security page, that browser's own
 * session (`keepSessionId`), which stays signed in. `reset`: set with a link mailed to the account's
 * verified address (« Mot de passe oublié ? », G-19), audited as such (its own notice); the
 * methods stay either way — a new password never removes MFA, nor signs anyone in.
 */
import { updatePasswordHash } from '../queries.ts';
import type { Actor } from './actor.ts';
import {
  endAccountState,
  type OperationDeps,
  type OperationOrigin,
  runOperation,
} from './operation-deps.ts';

export async function setPassword(
  deps: OperationDeps,
  actor: Actor,
  args: {
    accountId: string;
    passwordHash: string;
    origin?: OperationOrigin;
    keepSessionId?: string;
    reset?: boolean;
  },
): Promise<{ oidcRecords: number; flows: number }> {
  return runOperation(
    deps,
    actor,
    {
      ...args.origin,
      type: args.reset ? 'account.password_reset' : 'account.password_changed',
      accountId: args.accountId,
    },
    async (trx) => {
      await updatePasswordHash(trx, args.accountId, args.passwordHash, deps.now());
      return endAccountState(trx, args.accountId, {
        nowMs: deps.now(),
        keepSessionId: args.keepSessionId,
      });
    },
  );
}

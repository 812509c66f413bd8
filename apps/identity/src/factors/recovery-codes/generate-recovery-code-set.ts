/**
 * Making an account's recovery codes (G-18): ten new codes, hashed, replacing any earlier set in
 * the same transaction as the audit record `recovery_codes.generated` naming the actor. The codes
 * are returned to be shown once; nothing keeps them in clear.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../accounts/operations/actor.ts';
import {
  type OperationDeps,
  type OperationOrigin,
  runOperation,
} from '../../accounts/operations/operation-deps.ts';
import type { Argon2Params } from '../../accounts/password-hasher.ts';
import { generateRecoveryCodes } from './recovery-code.ts';
import { hashRecoveryCode, newRecoveryCodeHashing } from './recovery-code-hash.ts';
import { replaceRecoveryCodeSet } from './recovery-code-queries.ts';

export interface GenerateRecoveryCodesArgs {
  accountId: string;
  /** The sign-in flow that offered them (enrollment), or the step-up's (the security page). */
  flowId: string | null;
  /** The authenticator's label, in the owner's language. */
  label: string;
  origin?: OperationOrigin;
}

export async function generateRecoveryCodeSet(
  deps: OperationDeps & { argon2: Argon2Params },
  actor: Actor,
  args: GenerateRecoveryCodesArgs,
): Promise<{ authenticatorId: string; codes: string[] }> {
  const codes = generateRecoveryCodes();
  const hashing = newRecoveryCodeHashing(deps.argon2);
  // Hashed before the transaction opens: it holds no lock while argon2id runs.
  const hashes = await Promise.all(codes.map((code) => hashRecoveryCode(code, hashing)));
  const authenticatorId = randomUUID();
  const audit = {
    ...args.origin,
    type: 'recovery_codes.generated' as const,
    accountId: args.accountId,
  };
  await runOperation(deps, actor, audit, (trx) =>
    replaceRecoveryCodeSet(trx, { ...args, authenticatorId, hashing, hashes, nowMs: deps.now() }),
  );
  return { authenticatorId, codes };
}

/**
 * Set a new password with a reset link's token (G-19): the token is the account's, of this
 * purpose, unused and less than 30 minutes old; the password passes the account's policy; then,
 * in one transaction, the token is consumed (one UPDATE … RETURNING: of two parallel posts, one
 * wins) and the account operation sets the password, ending every session, grant, token, sign-in
 * in progress and remembered browser. The methods stay, and no one is signed in.
 */
import type { Kysely } from 'kysely';
import type { OperationOrigin } from '../accounts/operations/operation-deps.ts';
import { setPassword } from '../accounts/operations/set-password.ts';
import type { PasswordHasher } from '../accounts/password-hasher.ts';
import {
  checkPasswordPolicy,
  PASSWORD_MIN_LENGTH,
  PASSWORD_ONLY_MIN_LENGTH,
  type PasswordPolicyViolation,
} from '../accounts/password-policy.ts';
import { type Account, findAccountById } from '../accounts/queries.ts';
import type { Database } from '../db/database.ts';
import { consumeEmailToken, findUsableEmailToken } from '../mail/email-token-queries.ts';
import { readMfaStanding } from '../policy/mfa-policy.ts';
import type { Locale } from '../ui/i18n/messages.ts';

export interface ResetWithTokenDeps {
  db: Kysely<Database>;
  now: () => number;
  hasher: PasswordHasher;
}

export type ResetOutcome =
  | { ok: true }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'policy'; problem: PasswordPolicyViolation };

/** The account a usable reset token is for, with the shortest password its policy accepts. */
export async function findResetAccount(
  deps: ResetWithTokenDeps,
  token: string,
): Promise<{ account: Account; minLength: number } | undefined> {
  const usable = await findUsableEmailToken(deps.db, token, 'password_reset', deps.now());
  const account = usable && (await findAccountById(deps.db, usable.accountId));
  if (account === undefined) return undefined;
  const passwordOnly = !(await readMfaStanding(deps.db, account.id)).required;
  return { account, minLength: passwordOnly ? PASSWORD_ONLY_MIN_LENGTH : PASSWORD_MIN_LENGTH };
}

/** A password a link sets, under the account's policy (a reset, an invitation). */
export function checkNewPassword(
  found: { account: Account; minLength: number },
  password: string,
): ReturnType<typeof checkPasswordPolicy> {
  return checkPasswordPolicy(password, {
    username: found.account.username,
    email: found.account.email ?? undefined,
    name: found.account.name,
    passwordOnly: found.minLength === PASSWORD_ONLY_MIN_LENGTH,
  });
}

export async function resetWithToken(
  deps: ResetWithTokenDeps,
  input: { token: string; password: string; origin: OperationOrigin; locale: Locale },
): Promise<ResetOutcome> {
  const found = await findResetAccount(deps, input.token);
  if (found === undefined) return { ok: false, reason: 'invalid' };
  const { account } = found;
  const policy = checkNewPassword(found, input.password);
  if (!policy.ok) return { ok: false, reason: 'policy', problem: policy.reason };
  const passwordHash = await deps.hasher.hash(input.password);
  return deps.db.transaction().execute(async (trx): Promise<ResetOutcome> => {
    const used = await consumeEmailToken(trx, input.token, 'password_reset', deps.now());
    // Taken meanwhile (a parallel post), or it expired while the password was hashed.
    if (used === undefined || used.accountId !== account.id)
      return { ok: false, reason: 'invalid' };
    const actor = { kind: 'user' as const, accountId: account.id };
    const args = { accountId: account.id, passwordHash, origin: input.origin, reset: true };
    await setPassword({ db: trx, now: deps.now }, actor, args);
    // Its owner read the link: their page's language is the one of their mail from now on.
    await trx
      .updateTable('accounts')
      .set({ locale: input.locale })
      .where('id', '=', account.id)
      .execute();
    return { ok: true };
  });
}

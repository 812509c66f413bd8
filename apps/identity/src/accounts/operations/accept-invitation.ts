/**
 * Accept an invitation (lifecycle/): the link's token, usable, names the account; the password
 * passes the account's policy; then in one transaction the token is consumed (one UPDATE …
 * RETURNING: of two posts, one wins), the password is set only if none was chosen meanwhile, the
 * address the link went to is verified (the link proved it), and `account.invitation_accepted` is
 * recorded with the account as actor. No one is signed in: the sign-in that follows enrolls a
 * method where MFA is required.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { consumeEmailToken, findUsableEmailToken } from '../../mail/email-token-queries.ts';
import { checkNewPassword } from '../../password-reset/reset-with-token.ts';
import { readMfaStanding } from '../../policy/mfa-policy.ts';
import type { Locale } from '../../ui/i18n/messages.ts';
import { noPasswordHash } from '../create-account.ts';
import type { PasswordHasher } from '../password-hasher.ts';
import {
  PASSWORD_MIN_LENGTH,
  PASSWORD_ONLY_MIN_LENGTH,
  type PasswordPolicyViolation,
} from '../password-policy.ts';
import { type Account, findAccountById } from '../queries.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export type AcceptOutcome =
  | { ok: true; username: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'policy'; problem: PasswordPolicyViolation };

/** The invited account a usable token names, with the shortest password its policy accepts. */
export async function findInvitedAccount(
  deps: { db: Kysely<Database>; now: () => number },
  token: string,
): Promise<{ account: Account; minLength: number } | undefined> {
  const usable = await findUsableEmailToken(deps.db, token, 'invitation', deps.now());
  const account = usable && (await findAccountById(deps.db, usable.accountId));
  if (account === undefined || account.password_hash !== noPasswordHash) return undefined;
  const passwordOnly = !(await readMfaStanding(deps.db, account.id)).required;
  return { account, minLength: passwordOnly ? PASSWORD_ONLY_MIN_LENGTH : PASSWORD_MIN_LENGTH };
}

class Taken extends Error {}

export async function acceptInvitation(
  deps: OperationDeps & { hasher: PasswordHasher },
  input: { token: string; password: string; origin: OperationOrigin; locale: Locale },
): Promise<AcceptOutcome> {
  const found = await findInvitedAccount(deps, input.token);
  if (found === undefined) return { ok: false, reason: 'invalid' };
  const { account } = found;
  const policy = checkNewPassword(found, input.password);
  if (!policy.ok) return { ok: false, reason: 'policy', problem: policy.reason };
  const passwordHash = await deps.hasher.hash(input.password);
  const actor = { kind: 'user' as const, accountId: account.id };
  try {
    await runOperation(
      deps,
      actor,
      { ...input.origin, type: 'account.invitation_accepted', accountId: account.id },
      async (trx) => {
        const used = await consumeEmailToken(trx, input.token, 'invitation', deps.now());
        if (used === undefined || used.accountId !== account.id) throw new Taken();
        const set = await trx
          .updateTable('accounts')
          .set({
            password_hash: passwordHash,
            locale: input.locale,
            updated_at: deps.now(),
            // The link reached this address: it is verified, if the account still holds it.
            email_verified_at: account.email === used.email ? deps.now() : null,
          })
          .where('id', '=', account.id)
          .where('password_hash', '=', noPasswordHash)
          .executeTakeFirst();
        if (Number(set.numUpdatedRows) !== 1) throw new Taken();
      },
    );
  } catch (error) {
    if (error instanceof Taken) return { ok: false, reason: 'invalid' };
    throw error;
  }
  return { ok: true, username: account.username };
}

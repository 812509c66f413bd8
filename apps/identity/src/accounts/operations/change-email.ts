/**
 * Change (or remove) an account's email address, as an administrator or an HR system does: the
 * address is also a sign-in identifier, so the old identifier goes and the new one must be free
 * (a unique key decides a race); the new address is unverified until its own link is followed
 * (the caller mails it), and no mail goes to it before then; the links sent to the old address —
 * a verification, a password reset — stop working; the old address, if it was verified, is told
 * (G-24). All in one transaction with the audit record naming the actor.
 */
import { canonicalizeIdentifier, validateEmail } from '../canonical-identifier.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export type ChangeEmailResult =
  | { ok: true; changed: boolean }
  | { ok: false; code: 'accounts.invalid_email' | 'accounts.identifier_taken'; reason: string };

export async function changeEmail(
  deps: OperationDeps,
  actor: Actor,
  args: { accountId: string; email: string | null; origin?: OperationOrigin },
): Promise<ChangeEmailResult> {
  const email = args.email?.trim() || null;
  const validated = email === null ? undefined : validateEmail(email);
  if (validated !== undefined && !validated.ok)
    return { ok: false, code: 'accounts.invalid_email', reason: validated.reason };
  const canonical = validated?.canonical ?? null;
  const before = await deps.db
    .selectFrom('accounts')
    .select(['email', 'email_verified_at', 'username'])
    .where('id', '=', args.accountId)
    .executeTakeFirstOrThrow();
  const canonicalBefore = before.email === null ? null : canonicalizeIdentifier(before.email);
  if (canonical === canonicalBefore && email === before.email) return { ok: true, changed: false };
  const taken = { ok: false, code: 'accounts.identifier_taken', reason: 'taken' } as const;
  const sameIdentifier = canonical === canonicalBefore;
  if (
    !sameIdentifier &&
    canonical !== null &&
    (await takenByAnother(deps, canonical, args.accountId))
  )
    return taken;
  try {
    await runOperation(
      deps,
      actor,
      {
        ...args.origin,
        type: 'account.email_changed',
        accountId: args.accountId,
        // Only a proved address hears of it; the new one is told nothing before its link.
        noticeTo: before.email_verified_at === null ? null : before.email,
      },
      async (trx) => {
        await trx
          .updateTable('accounts')
          .set({
            email,
            // The same address written differently stays proved; another one proves itself.
            email_verified_at: sameIdentifier ? before.email_verified_at : null,
            updated_at: deps.now(),
          })
          .where('id', '=', args.accountId)
          .execute();
        if (sameIdentifier) return;
        await trx
          .deleteFrom('account_identifiers')
          .where('account_id', '=', args.accountId)
          .where('kind', '=', 'email')
          .execute();
        // An address written as the username is already its identifier.
        if (canonical !== null && canonical !== canonicalizeIdentifier(before.username))
          await trx
            .insertInto('account_identifiers')
            .values({ identifier: canonical, account_id: args.accountId, kind: 'email' })
            .execute();
        await trx
          .deleteFrom('email_tokens')
          .where('account_id', '=', args.accountId)
          .where('used_at', 'is', null)
          .execute();
      },
    );
  } catch (error) {
    // Another account took the address meanwhile: its unique key won, nothing was written here.
    if (canonical !== null && (await takenByAnother(deps, canonical, args.accountId))) return taken;
    throw error;
  }
  return { ok: true, changed: true };
}

/** Whether another account signs in with this identifier (its username or its address). */
async function takenByAnother(deps: OperationDeps, canonical: string, accountId: string) {
  const row = await deps.db
    .selectFrom('account_identifiers')
    .select('account_id')
    .where('identifier', '=', canonical)
    .where('account_id', '!=', accountId)
    .executeTakeFirst();
  return row !== undefined;
}

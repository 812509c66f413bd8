/**
 * « Créer un compte » (lifecycle/registration-routes.tsx): the account, marked as having to prove
 * its address before any sign-in completes, and `account.self_registered` (its own user as the
 * actor: `user:<new id>`), in one transaction. Taken identifiers come back as such, never shown
 * to the registrant (the caller mails instead).
 */
import { recordAuditEvent } from '../../audit/record-audit-event.ts';
import { canonicalizeIdentifier } from '../canonical-identifier.ts';
import { type CreateAccountResult, createAccount } from '../create-account.ts';
import type { PasswordHasher } from '../password-hasher.ts';
import { isIdentifierTaken } from '../queries.ts';
import { describeActor } from './actor.ts';
import type { OperationDeps, OperationOrigin } from './operation-deps.ts';
import { NotCreated } from './register-account.ts';

export async function selfRegister(
  deps: OperationDeps & { hasher: PasswordHasher },
  input: {
    username: string;
    email: string;
    name: string | undefined;
    password: string;
    locale: string;
    origin: OperationOrigin;
  },
): Promise<CreateAccountResult> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const created = await createAccount({ ...deps, db: trx }, input);
      if (!created.ok) throw new NotCreated(created);
      await trx
        .updateTable('accounts')
        .set({ email_verification_required: 1, locale: input.locale })
        .where('id', '=', created.accountId)
        .execute();
      const actor = describeActor({ kind: 'user', accountId: created.accountId });
      await recordAuditEvent(
        trx,
        { ...input.origin, type: 'account.self_registered', accountId: created.accountId, actor },
        deps.now(),
      );
      return created;
    });
  } catch (error) {
    if (error instanceof NotCreated) return error.result;
    const canonicals = [input.username, input.email].map(canonicalizeIdentifier);
    if (await isIdentifierTaken(deps.db, canonicals))
      return { ok: false, code: 'accounts.identifier_taken', reason: 'taken' };
    throw error;
  }
}

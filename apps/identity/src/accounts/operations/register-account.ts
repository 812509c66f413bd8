/**
 * Create an account as an actor (the console's « Nouvel utilisateur », later the admin API and
 * SCIM): the account and its `account.created` record naming the actor, in one transaction. Two
 * creations racing for one identifier: the unique key lets one win, the other is told it is taken.
 */

import { canonicalizeIdentifier } from '../canonical-identifier.ts';
import {
  type CreateAccountResult,
  createAccount,
  type NewAccountInput,
} from '../create-account.ts';
import type { PasswordHasher } from '../password-hasher.ts';
import { isIdentifierTaken } from '../queries.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

/** Rolls the transaction back with the refusal (nothing was written). */
export class NotCreated extends Error {
  readonly result: Extract<CreateAccountResult, { ok: false }>;
  constructor(result: Extract<CreateAccountResult, { ok: false }>) {
    super(result.code);
    this.result = result;
  }
}

export async function registerAccount(
  deps: OperationDeps & { hasher: PasswordHasher },
  actor: Actor,
  input: NewAccountInput & { origin?: OperationOrigin },
): Promise<CreateAccountResult> {
  try {
    return await runOperation(
      deps,
      actor,
      (created) => ({
        ...input.origin,
        type: 'account.created',
        accountId: created.ok ? created.accountId : null,
      }),
      async (trx) => {
        const created = await createAccount({ ...deps, db: trx }, input);
        if (!created.ok) throw new NotCreated(created);
        return created;
      },
    );
  } catch (error) {
    if (error instanceof NotCreated) return error.result;
    // The other creation won the identifier (its insert, then this one's, inside a transaction).
    const canonicals = [input.username, ...(input.email ? [input.email] : [])].map(
      canonicalizeIdentifier,
    );
    if (await isIdentifierTaken(deps.db, canonicals))
      return { ok: false, code: 'accounts.identifier_taken', reason: 'taken' };
    throw error;
  }
}

import type { Kysely } from 'kysely';
import { canonicalizeIdentifier } from '../accounts/canonical-identifier.ts';
import { type Account, findAccountByIdentifier } from '../accounts/queries.ts';
import type { Database } from '../db/database.ts';
import { CommandError } from './cli-io.ts';

/** The account a username or an email names, in any case or width; a CommandError otherwise. */
export async function requireAccount(db: Kysely<Database>, identifier: string): Promise<Account> {
  const canonical = canonicalizeIdentifier(identifier);
  const account = canonical === '' ? undefined : await findAccountByIdentifier(db, canonical);
  if (account === undefined)
    throw new CommandError(`no account named ${identifier}`, 'account.not_found');
  return account;
}

/**
 * First start with no accounts: create a demo account so that a newcomer can sign in at once,
 * its address already verified.
 * The password is generated, printed once by the launcher, and stored only as its argon2id hash.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { markEmailVerified } from '../mail/verified-email.ts';
import { createAccount } from './create-account.ts';
import { generatePassword } from './generate-password.ts';
import type { PasswordHasher } from './password-hasher.ts';
import { countAccounts } from './queries.ts';

export const demoAccount = {
  username: 'demo',
  name: 'Camille Tremblay',
  email: 'camille.tremblay@example.ca',
};

export async function ensureDemoAccount(deps: {
  db: Kysely<Database>;
  hasher: PasswordHasher;
  now: () => number;
}): Promise<{ username: string; password: string } | undefined> {
  if ((await countAccounts(deps.db)) > 0) return undefined;
  const password = generatePassword();
  const result = await createAccount(deps, { ...demoAccount, password });
  if (!result.ok) throw new Error(`demo account not created: ${result.code} (${result.reason})`);
  // Its address is taken as verified, so that « Mot de passe oublié ? » and the notifications
  // can be tried at once: their mail lands in the development outbox (README).
  await markEmailVerified(deps.db, result.accountId, deps.now());
  return { username: demoAccount.username, password };
}

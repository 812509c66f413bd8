/**
 * The organization's `passkey-sign-in` setting (`npx sesame org passkey-sign-in on|off`), stored
 * like the other organization settings: whether the sign-in page offers « Se connecter avec une
 * clé d'accès ». Unset means off: an organization turns the sign-in without password on.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';

const passkeySignInKey = 'passkey_sign_in';

export async function readPasskeySignIn(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('org_settings')
    .select('value')
    .where('key', '=', passkeySignInKey)
    .executeTakeFirst();
  return row?.value === 'on';
}

export async function setPasskeySignIn(db: Kysely<Database>, allowed: boolean): Promise<void> {
  const value = allowed ? 'on' : 'off';
  await db
    .insertInto('org_settings')
    .values({ key: passkeySignInKey, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

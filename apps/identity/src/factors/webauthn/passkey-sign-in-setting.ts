/**
 * The organization's `passkey-sign-in` setting (`npx sesame org passkey-sign-in on|off`), stored
 * like the other organization settings: whether the sign-in page offers « Se connecter avec une
 * clé d'accès ». Unset means off: an organization turns the sign-in without password on.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { readOrgSetting, writeOrgSetting } from '../../db/org-settings.ts';

const passkeySignInKey = 'passkey_sign_in';

export async function readPasskeySignIn(db: Kysely<Database>): Promise<boolean> {
  return (await readOrgSetting(db, passkeySignInKey)) === 'on';
}

export async function setPasskeySignIn(db: Kysely<Database>, allowed: boolean): Promise<void> {
  await writeOrgSetting(db, passkeySignInKey, allowed ? 'on' : 'off');
}

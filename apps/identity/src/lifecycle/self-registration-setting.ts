/**
 * The organization's `self-registration` setting (`npx sesame org self-registration on|off`):
 * whether the sign-in page offers « Créer un compte » (/register). Unset means off.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { readOrgSetting, writeOrgSetting } from '../db/org-settings.ts';

const selfRegistrationKey = 'self_registration';

export async function readSelfRegistration(db: Kysely<Database>): Promise<boolean> {
  return (await readOrgSetting(db, selfRegistrationKey)) === 'on';
}

export async function setSelfRegistration(db: Kysely<Database>, on: boolean): Promise<void> {
  await writeOrgSetting(db, selfRegistrationKey, on ? 'on' : 'off');
}

/** A self-registered account whose address is not verified yet completes no sign-in. */
export function awaitsEmailVerification(account: {
  email_verification_required: number;
  email_verified_at: number | null;
}): boolean {
  return account.email_verification_required === 1 && account.email_verified_at === null;
}

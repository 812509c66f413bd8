/**
 * The organization's `self-registration` setting (`npx sesame org self-registration on|off`):
 * whether the sign-in page offers « Créer un compte » (/register). Unset means off.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

const selfRegistrationKey = 'self_registration';

export async function readSelfRegistration(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('org_settings')
    .select('value')
    .where('key', '=', selfRegistrationKey)
    .executeTakeFirst();
  return row?.value === 'on';
}

export async function setSelfRegistration(db: Kysely<Database>, on: boolean): Promise<void> {
  const value = on ? 'on' : 'off';
  await db
    .insertInto('org_settings')
    .values({ key: selfRegistrationKey, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** A self-registered account whose address is not verified yet completes no sign-in. */
export function awaitsEmailVerification(account: {
  email_verification_required: number;
  email_verified_at: number | null;
}): boolean {
  return account.email_verification_required === 1 && account.email_verified_at === null;
}

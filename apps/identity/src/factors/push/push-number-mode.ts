/**
 * The organization's `push-number` setting (`npx sesame org push-number typed-6|typed-2|pick-3`),
 * stored like the other organization settings. Unset means typed-6: six digits typed in the app,
 * the only form that meets NIST 800-63B-4 §3.1.3.2 (a secret of at least 6 decimal digits); the
 * 2-digit forms are what commercial apps and CISA's interim guidance accept (docs/security.md).
 */
import type { PushNumberMode } from '@sesame/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { readOrgSetting, writeOrgSetting } from '../../db/org-settings.ts';

const pushNumberKey = 'push_number';

export const pushNumberModes: readonly PushNumberMode[] = ['typed-6', 'typed-2', 'pick-3'];

export function isPushNumberMode(value: unknown): value is PushNumberMode {
  return typeof value === 'string' && (pushNumberModes as readonly string[]).includes(value);
}

export async function readPushNumberMode(db: Kysely<Database>): Promise<PushNumberMode> {
  const value = await readOrgSetting(db, pushNumberKey);
  // An unknown stored value fails closed to the strictest form.
  return isPushNumberMode(value) ? value : 'typed-6';
}

export async function setPushNumberMode(db: Kysely<Database>, mode: PushNumberMode): Promise<void> {
  await writeOrgSetting(db, pushNumberKey, mode);
}

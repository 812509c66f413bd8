/**
 * The organization's `remember-browser` setting (`npx sesame org remember-browser 30d|off`):
 * for how many days a browser may be remembered after a second factor; unset or `off`: never.
 * Stored like the other organization settings.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { readOrgSetting, writeOrgSetting } from '../db/org-settings.ts';

const rememberKey = 'remember_browser_days';

/** The longest a browser may be remembered: a year, whatever is typed. */
export const maxRememberDays = 365;

/** `30d` → 30, `off` → 0; undefined for anything else. */
export function parseRememberDuration(text: string): number | undefined {
  if (text === 'off') return 0;
  const match = /^([1-9][0-9]{0,2})d$/.exec(text);
  const days = match === null ? Number.NaN : Number(match[1]);
  return days >= 1 && days <= maxRememberDays ? days : undefined;
}

export async function readRememberDays(db: Kysely<Database>): Promise<number> {
  // An unknown stored value fails closed: no browser is remembered.
  const days = Number((await readOrgSetting(db, rememberKey)) ?? 0);
  return Number.isInteger(days) && days > 0 && days <= maxRememberDays ? days : 0;
}

export async function setRememberDays(db: Kysely<Database>, days: number): Promise<void> {
  await writeOrgSetting(db, rememberKey, String(days));
}

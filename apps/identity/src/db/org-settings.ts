/**
 * The organization's settings (`org_settings`: its branding, MFA policy, remember-browser, push
 * and passkey modes, self-registration), read by every page and by several steps of a sign-in:
 * seven reads of the same few rows per MFA sign-in when each read went to the database.
 *
 * So they are read once and kept in memory, all of them but the logo's bytes, for at most
 * `orgSettingsMaxAgeMs`. A change written through `writeOrgSetting` in this process (the console,
 * the API, the CLI's in-process commands) is seen at the next read after it commits (a read that
 * ran while its transaction was still open may keep the old value, for the same second at most);
 * one written by another process (the `sesame` CLI beside a running server, another instance)
 * within `orgSettingsMaxAgeMs`. The MFA requirement of an account's standing is read by its own
 * statement (policy/mfa-policy.ts) and never from here, so a policy change holds at the next
 * sign-in on every node.
 */
import type { Kysely } from 'kysely';
import type { Database } from './database.ts';

/** How long another process's change may take to show here. */
export const orgSettingsMaxAgeMs = 1000;

/** Kept apart: the logo's bytes (up to 256 KiB) are read only by `GET /branding/logo`. */
const notCached = 'org_logo_data';

interface Cached {
  readAt: number;
  generation: number;
  values: ReadonlyMap<string, string>;
}

/** Per database handle (a transaction reads its own). */
const cache = new WeakMap<object, Cached>();
/** Bumped by every write in this process: what was cached before it is not used again. */
let generation = 0;

export async function readOrgSettings(db: Kysely<Database>): Promise<ReadonlyMap<string, string>> {
  const now = performance.now();
  const cached = cache.get(db);
  if (
    cached !== undefined &&
    cached.generation === generation &&
    now - cached.readAt < orgSettingsMaxAgeMs
  )
    return cached.values;
  const readAt = generation;
  const rows = await db
    .selectFrom('org_settings')
    .select(['key', 'value'])
    .where('key', '<>', notCached)
    .execute();
  const values = new Map(rows.map((row) => [row.key, row.value]));
  // A write that ran while this read was in flight may not be in it: not kept.
  if (readAt === generation) cache.set(db, { readAt: now, generation, values });
  return values;
}

export async function readOrgSetting(
  db: Kysely<Database>,
  key: string,
): Promise<string | undefined> {
  if (key === notCached) throw new Error(`${key} is read by its own query`);
  return (await readOrgSettings(db)).get(key);
}

/** Sets `key`, or removes it when `value` is undefined. */
export async function writeOrgSetting(
  db: Kysely<Database>,
  key: string,
  value: string | undefined,
): Promise<void> {
  generation += 1;
  try {
    if (value === undefined) await db.deleteFrom('org_settings').where('key', '=', key).execute();
    else
      await db
        .insertInto('org_settings')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
  } finally {
    // Again once written, so that a read that ran beside the write is not kept either. (Written
    // in a transaction, the commit comes later: a read just before it may keep the old value,
    // for `orgSettingsMaxAgeMs` at most.)
    generation += 1;
  }
}

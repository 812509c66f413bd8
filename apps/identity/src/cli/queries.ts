import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/** Usernames of the given account ids (ids of deleted accounts are simply absent). */
export async function findUsernamesByIds(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'username'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.username]));
}

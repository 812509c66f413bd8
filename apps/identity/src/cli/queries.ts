import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/** How many active authenticators each account has (accounts without any are absent). */
export async function countActiveAuthenticatorsByAccount(
  db: Kysely<Database>,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('authenticators')
    .select(['account_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('status', '=', 'active')
    .groupBy('account_id')
    .execute();
  return new Map(rows.map((row) => [row.account_id, Number(row.n)]));
}

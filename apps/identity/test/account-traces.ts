/**
 * What the database still holds naming an account: every table walked (its list read from the
 * database itself, not kept by hand), every row's every value searched for the account's id,
 * username, email or name. The account deletion's tests expect none.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { isPostgres } from '../src/db/dialect.ts';

export async function tracesOf(
  db: Kysely<Database>,
  names: string[],
): Promise<Array<{ table: string; row: string }>> {
  const needles = names.map((n) => n.toLowerCase());
  // PostgreSQL lists every schema's tables: this test's own schema only (the search path's first).
  const schema = isPostgres(db)
    ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
    : undefined;
  const tables = (await db.introspection.getTables())
    .filter((t) => schema === undefined || t.schema === schema)
    .map((t) => t.name);
  const found: Array<{ table: string; row: string }> = [];
  for (const table of tables) {
    const rows = await (db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .selectFrom(table)
      .selectAll()
      .execute();
    for (const row of rows) {
      const text = JSON.stringify(row).toLowerCase();
      if (needles.some((n) => text.includes(n))) found.push({ table, row: text.slice(0, 300) });
    }
  }
  return found;
}

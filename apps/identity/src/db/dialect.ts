import { PostgresAdapter } from 'kysely';

/** The few places where SQL differs between the backends ask this. */
export function isPostgres(db: { getExecutor(): { adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Kysely's `SqliteDialect` expects a better-sqlite3-shaped database. This adapter hands it the
 * built-in `node:sqlite` (no native addon to compile at install).
 *
 * Two settings measured in bench/ (a sign-in runs about 40 statements and 17 commits):
 * - WAL with `synchronous = NORMAL`: a commit no longer waits for fsync; the database stays
 *   consistent, and after a power loss (not a process crash) the last commits may be lost.
 * - prepared statements are kept per SQL text, instead of being compiled again at every query.
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

const statementCacheSize = 256;

export function openNodeSqliteDatabase(file: string): SqliteDatabase {
  const db = new DatabaseSync(file);
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;',
  );
  const statements = new Map<string, StatementSync>();
  const statementFor = (sql: string): StatementSync => {
    const cached = statements.get(sql);
    if (cached !== undefined) return cached;
    // Kysely's queries are parameterized, so the distinct texts are few; keep the newest ones.
    if (statements.size >= statementCacheSize)
      statements.delete(statements.keys().next().value as string);
    const stmt = db.prepare(sql);
    statements.set(sql, stmt);
    return stmt;
  };
  return {
    close: () => {
      statements.clear();
      db.close();
    },
    prepare(sql: string): SqliteStatement {
      const stmt = statementFor(sql);
      return {
        reader: stmt.columns().length > 0,
        all: (parameters) => stmt.all(...(parameters as never[])) as unknown[],
        run: (parameters) => {
          const { changes, lastInsertRowid } = stmt.run(...(parameters as never[]));
          return { changes, lastInsertRowid };
        },
        iterate: (parameters) =>
          stmt.iterate(...(parameters as never[])) as IterableIterator<unknown>,
      };
    },
  };
}

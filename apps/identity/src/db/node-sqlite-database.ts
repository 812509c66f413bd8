/**
 * Kysely's `SqliteDialect` expects a better-sqlite3-shaped database. This adapter hands it the
 * built-in `node:sqlite` (no native addon to compile at install).
 */
import { DatabaseSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export function openNodeSqliteDatabase(file: string): SqliteDatabase {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const stmt = db.prepare(sql);
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

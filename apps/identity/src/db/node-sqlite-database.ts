/**
 * Kysely's `SqliteDialect` expects a better-sqlite3-shaped database. This adapter hands it the
 * built-in `node:sqlite` (no native addon to compile at install).
 *
 * Settings measured in bench/ (an MFA sign-in runs about 95 statements and 25 commits):
 * - WAL with `synchronous = NORMAL`: a commit no longer waits for fsync; the database stays
 *   consistent, and after a power loss (not a process crash) the last commits may be lost.
 * - statements are prepared once per SQL text and kept (at most `statementCacheSize`, the
 *   oldest dropped first), each with the wrapper Kysely calls, so that a query allocates
 *   nothing here beyond its parameters.
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

const statementCacheSize = 256;

export function openNodeSqliteDatabase(file: string): SqliteDatabase {
  const db = new DatabaseSync(file);
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;',
  );
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      db.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached !== undefined) return cached;
      // Kysely's queries are parameterized, so the distinct texts are few; keep the newest ones.
      if (statements.size >= statementCacheSize)
        statements.delete(statements.keys().next().value as string);
      const statement = wrap(db.prepare(sql));
      statements.set(sql, statement);
      return statement;
    },
  };
}

function wrap(stmt: StatementSync): SqliteStatement {
  return {
    reader: stmt.columns().length > 0,
    all: (parameters) => stmt.all(...(parameters as never[])) as unknown[],
    run: (parameters) => stmt.run(...(parameters as never[])),
    iterate: (parameters) => stmt.iterate(...(parameters as never[])) as IterableIterator<unknown>,
  };
}

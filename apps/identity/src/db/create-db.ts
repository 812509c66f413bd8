import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DatabaseConfig } from '../config.ts';
import type { Database } from './database.ts';
import { openNodeSqliteDatabase } from './node-sqlite-database.ts';

const require = createRequire(import.meta.url);

/** `pg`, loaded only for PostgreSQL (start-up time and memory: bench/README.md). */
function loadPg(): typeof import('pg') {
  const pg = require('pg') as typeof import('pg');
  // int8 columns hold millisecond timestamps and counters: read them as numbers, not strings.
  pg.types.setTypeParser(20, (value) => Number(value));
  return pg;
}

export interface CreateDbOptions {
  /** PostgreSQL schema to use (tests give each app its own). */
  schema?: string;
  /** PostgreSQL pool size (10 by default; tests, many at once on one server, take fewer). */
  maxConnections?: number;
}

export function createDb(config: DatabaseConfig, options: CreateDbOptions = {}): Kysely<Database> {
  if (config.kind === 'postgres') {
    const pool = new (loadPg().Pool)({
      connectionString: config.url,
      max: options.maxConnections ?? 10,
      // A schema of its own (tests). Parallel query workers were seen failing to resolve such a
      // fresh schema from the search path ("schema … does not exist", where: parallel worker).
      ...(options.schema
        ? { options: `-c search_path=${options.schema} -c max_parallel_workers_per_gather=0` }
        : {}),
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: openNodeSqliteDatabase(config.file) }),
  });
}

/**
 * Hot queries of a fixed shape, built and compiled by Kysely once instead of at every run
 * (bench/README.md: building and compiling a query costs about a third of a statement's CPU).
 * The query is written as usual, with `slot('name')` where a value goes; each run hands the
 * compiled SQL the values by name. Both dialects take the result through `db.executeQuery`.
 */
import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './database.ts';
import { isPostgres } from './dialect.ts';

const marker = '\u0000sesame-slot:';

/** Stands for the run's value `name` in a query given to `preparedQuery`. */
export function slot<T>(name: string): T {
  return `${marker}${name}` as T;
}

export function preparedQuery<Row, Name extends string>(
  query: Compilable<Row>,
  names: readonly Name[],
): (values: Readonly<Record<Name, unknown>>) => CompiledQuery<Row> {
  const { sql, parameters } = query.compile();
  const filled = parameters.map((parameter) =>
    typeof parameter === 'string' && parameter.startsWith(marker)
      ? (parameter.slice(marker.length) as Name)
      : undefined,
  );
  // A slot the compiler inlined or dropped would silently lose its value: refuse the query.
  for (const name of names) {
    if (!filled.includes(name)) throw new TypeError(`prepared query has no parameter ${name}`);
  }
  return (values) =>
    CompiledQuery.raw(
      sql,
      filled.map((name, at) => (name === undefined ? parameters[at] : values[name])),
    ) as CompiledQuery<Row>;
}

/**
 * Queries prepared once per backend, on first use with a database (or transaction) of it: for
 * the functions that are handed their database at each call (sign-in/queries.ts and others).
 */
export function perBackend<T>(make: (db: Kysely<Database>) => T): (db: Kysely<Database>) => T {
  let sqlite: T | undefined;
  let postgres: T | undefined;
  return (db) => {
    if (isPostgres(db)) {
      postgres ??= make(db);
      return postgres;
    }
    sqlite ??= make(db);
    return sqlite;
  };
}

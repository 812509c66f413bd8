/**
 * Vitest global setup: with TEST_DATABASE_URL, drop the throw-away `test_<seconds>_*` schemas
 * more than an hour old — those a killed run left behind (each test drops its own as it ends).
 * Young schemas may belong to a run still going on, on the same server, so they stay.
 */
import pg from 'pg';

async function dropTestSchemas(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "select nspname as name from pg_namespace where nspname like 'test\\_%'",
    );
    const cutOffSeconds = Math.floor(Date.now() / 1000) - 3600;
    for (const { name } of rows) {
      const madeAt = Number(/^test_(\d+)_/.exec(name)?.[1] ?? 0);
      if (madeAt < cutOffSeconds) await client.query(`drop schema if exists "${name}" cascade`);
    }
  } finally {
    await client.end();
  }
}

export async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) await dropTestSchemas(url);
}

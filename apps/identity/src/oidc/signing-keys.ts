/**
 * ID token signing keys: made on first start, kept sealed (AES-256-GCM) in the database so that
 * every instance and every restart signs with the same keys.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { isPostgres } from '../db/dialect.ts';
import type { SecretBox } from '../security/secret-box.ts';

const purpose = 'oidc-signing-key';

export async function loadSigningKeys(
  db: Kysely<Database>,
  box: SecretBox,
  nowMs: number,
): Promise<JWK[]> {
  const stored = await readSigningKeys(db, box);
  if (stored.length > 0) return stored;
  const jwk = await newSigningKey();
  const sealed = box.seal(JSON.stringify(jwk), purpose);
  // Nodes starting together on an empty table: one key wins, every node reads back that one.
  await db.transaction().execute(async (trx) => {
    // PostgreSQL: a statement's snapshot would not see another node's uncommitted key, so the
    // nodes take turns; the lock ends with the transaction.
    if (isPostgres(trx))
      await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.signing_keys'))`.execute(
        trx,
      );
    await insertIfNone(trx, { kid: jwk.kid, sealed_jwk: sealed, created_at: nowMs });
  });
  return readSigningKeys(db, box);
}

async function readSigningKeys(db: Kysely<Database>, box: SecretBox): Promise<JWK[]> {
  const rows = await db
    .selectFrom('signing_keys')
    .select('sealed_jwk')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => JSON.parse(box.open(row.sealed_jwk, purpose)) as JWK);
}

async function newSigningKey(): Promise<JWK & { kid: string }> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/**
 * One statement that reads and writes (SQLite takes its write lock before reading): the key goes
 * in only if the table is still empty. Casts: PostgreSQL types a bare parameter as text.
 */
async function insertIfNone(
  trx: Transaction<Database>,
  row: { kid: string; sealed_jwk: string; created_at: number },
): Promise<void> {
  await trx
    .insertInto('signing_keys')
    .columns(['kid', 'sealed_jwk', 'created_at'])
    .expression(
      trx
        .selectNoFrom([
          sql<string>`cast(${row.kid} as text)`.as('kid'),
          sql<string>`cast(${row.sealed_jwk} as text)`.as('sealed_jwk'),
          sql<number>`cast(${row.created_at} as bigint)`.as('created_at'),
        ])
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('signing_keys').select('kid'))),
        ),
    )
    .execute();
}

/**
 * ID token signing keys: made on first start, kept sealed (AES-256-GCM) in the database so that
 * every instance and every restart signs with the same keys.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { SecretBox } from '../security/secret-box.ts';

const purpose = 'oidc-signing-key';

export async function loadSigningKeys(
  db: Kysely<Database>,
  box: SecretBox,
  nowMs: number,
): Promise<JWK[]> {
  const rows = await db
    .selectFrom('signing_keys')
    .selectAll()
    .orderBy('created_at', 'desc')
    .execute();
  if (rows.length > 0)
    return rows.map((row) => JSON.parse(box.open(row.sealed_jwk, purpose)) as JWK);
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  await db
    .insertInto('signing_keys')
    .values({ kid: jwk.kid, sealed_jwk: box.seal(JSON.stringify(jwk), purpose), created_at: nowMs })
    .onConflict((oc) => oc.column('kid').doNothing())
    .execute();
  // Two instances starting together: both read back whatever was stored first.
  return loadSigningKeys(db, box, nowMs);
}

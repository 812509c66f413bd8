/**
 * The deployment's own VAPID key pair (RFC 8292; G-47: each deployment owns its keys), made at
 * first start and kept in the database with its private half sealed, so that every instance and
 * every restart signs with the same key — the one the devices' subscriptions are bound to.
 * Nodes starting together: one fixed row id, `ON CONFLICT DO NOTHING`, and all read back the winner.
 */

import type { Kysely } from 'kysely';
import webPush from 'web-push';
import type { Database } from '../../db/database.ts';
import type { SecretBox } from '../../security/secret-box.ts';

export interface VapidKeys {
  /** base64url, uncompressed P-256 point: the subscriptions' `applicationServerKey`. */
  publicKey: string;
  privateKey: string;
}

const rowId = 'deployment';
const purpose = 'vapid-private-key';

export async function loadVapidKeys(
  db: Kysely<Database>,
  box: SecretBox,
  nowMs: number,
): Promise<VapidKeys> {
  const stored = await readVapidKeys(db, box);
  if (stored !== undefined) return stored;
  const made = webPush.generateVAPIDKeys();
  await db
    .insertInto('vapid_keys')
    .values({
      id: rowId,
      public_key: made.publicKey,
      sealed_private_key: box.seal(made.privateKey, purpose),
      created_at: nowMs,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const winner = await readVapidKeys(db, box);
  if (winner === undefined) throw new Error('VAPID keys could not be stored');
  return winner;
}

async function readVapidKeys(db: Kysely<Database>, box: SecretBox): Promise<VapidKeys | undefined> {
  const row = await db
    .selectFrom('vapid_keys')
    .select(['public_key', 'sealed_private_key'])
    .where('id', '=', rowId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return { publicKey: row.public_key, privateKey: box.open(row.sealed_private_key, purpose) };
}

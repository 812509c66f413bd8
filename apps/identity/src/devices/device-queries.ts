/**
 * Devices of Sesame Verify: the lookup behind a signed request, the record of request ids
 * already seen (replay refusal, one atomic insert), and removal with the authenticator.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, DeviceTable } from '../db/database.ts';

export type Device = Selectable<DeviceTable>;

/** A device together with the state of its account, as a signed request needs it. */
export type DeviceWithAccount = Device & { account_locked: number };

export async function findDeviceWithAccount(
  db: Kysely<Database>,
  deviceId: string,
): Promise<DeviceWithAccount | undefined> {
  return db
    .selectFrom('devices')
    .innerJoin('accounts', 'accounts.id', 'devices.account_id')
    .selectAll('devices')
    .select('accounts.locked as account_locked')
    .where('devices.id', '=', deviceId)
    .executeTakeFirst();
}

/**
 * Remember a request id until `expiresAtMs`. One statement: of two requests carrying the same
 * id, even in parallel, exactly one inserts it (the primary key decides); false = already seen.
 */
export async function recordDeviceRequestId(
  db: Kysely<Database>,
  input: { jti: string; deviceId: string; expiresAtMs: number },
): Promise<boolean> {
  const inserted = await db
    .insertInto('device_request_ids')
    .values({ jti: input.jti, device_id: input.deviceId, expires_at: input.expiresAtMs })
    .onConflict((oc) => oc.column('jti').doNothing())
    .returning('jti')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Forget request ids whose proofs can no longer be accepted anyway (too old). */
export async function purgeDeviceRequestIds(db: Kysely<Database>, nowMs: number): Promise<number> {
  const result = await db
    .deleteFrom('device_request_ids')
    .where('expires_at', '<', nowMs)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function touchDevice(
  db: Kysely<Database>,
  deviceId: string,
  nowMs: number,
): Promise<void> {
  await db.updateTable('devices').set({ last_seen_at: nowMs }).where('id', '=', deviceId).execute();
}

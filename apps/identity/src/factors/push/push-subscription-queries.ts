/**
 * Devices' Web Push subscriptions: one per device (a new one replaces the old), sealed at rest —
 * the endpoint and keys let whoever holds them send to the phone.
 */
import type { PushSubscriptionBody } from '@sesame/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { SecretBox } from '../../security/secret-box.ts';

export interface StoredPushSubscription {
  deviceId: string;
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  updatedAt: number;
}

const purposeOf = (deviceId: string) => `push-subscription:${deviceId}`;

export async function savePushSubscription(
  db: Kysely<Database>,
  box: SecretBox,
  input: { deviceId: string; subscription: PushSubscriptionBody; nowMs: number },
): Promise<void> {
  const { endpoint, keys } = input.subscription;
  const sealed = box.seal(
    JSON.stringify({ endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } }),
    purposeOf(input.deviceId),
  );
  await db
    .insertInto('push_subscriptions')
    .values({
      device_id: input.deviceId,
      sealed_subscription: sealed,
      created_at: input.nowMs,
      updated_at: input.nowMs,
    })
    .onConflict((oc) =>
      oc.column('device_id').doUpdateSet({ sealed_subscription: sealed, updated_at: input.nowMs }),
    )
    .execute();
}

export async function deletePushSubscription(
  db: Kysely<Database>,
  deviceId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('push_subscriptions')
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Forget a subscription the push service answered 404/410 for — the one that was sent to, not a
 * newer one the device saved meanwhile.
 */
export async function deleteGonePushSubscription(
  db: Kysely<Database>,
  gone: Pick<StoredPushSubscription, 'deviceId' | 'updatedAt'>,
): Promise<void> {
  await db
    .deleteFrom('push_subscriptions')
    .where('device_id', '=', gone.deviceId)
    .where('updated_at', '=', gone.updatedAt)
    .execute();
}

/** The subscriptions of the devices behind an authenticator. */
export async function readPushSubscriptions(
  db: Kysely<Database>,
  box: SecretBox,
  authenticatorId: string,
): Promise<StoredPushSubscription[]> {
  const rows = await db
    .selectFrom('push_subscriptions')
    .innerJoin('devices', 'devices.id', 'push_subscriptions.device_id')
    .select([
      'push_subscriptions.device_id',
      'push_subscriptions.sealed_subscription',
      'push_subscriptions.updated_at',
    ])
    .where('devices.authenticator_id', '=', authenticatorId)
    .execute();
  return rows.map((row) => ({
    deviceId: row.device_id,
    subscription: JSON.parse(box.open(row.sealed_subscription, purposeOf(row.device_id))),
    updatedAt: Number(row.updated_at),
  }));
}

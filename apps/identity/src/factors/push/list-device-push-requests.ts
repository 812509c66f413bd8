/** A device's pending push requests as the app reads them (contract `PushRequest`). */
import type { PushRequest } from '@sesame/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { listPendingPushes } from './push-queries.ts';
import type { PushPayload } from './start-push-challenge.ts';

export async function listDevicePushRequests(
  db: Kysely<Database>,
  device: { account_id: string; authenticator_id: string },
  nowMs: number,
): Promise<PushRequest[]> {
  const pending = await listPendingPushes(db, device, nowMs);
  return pending.map((challenge) => {
    const payload = JSON.parse(challenge.payload) as PushPayload;
    return {
      id: challenge.id,
      application: payload.application,
      browser: payload.browser,
      system: payload.system,
      ip: payload.ip,
      ...(payload.place === undefined ? {} : { place: payload.place }),
      createdAt: Number(challenge.created_at),
      expiresAt: Number(challenge.expires_at),
      mode: payload.mode,
      ...(payload.choices ? { choices: payload.choices } : {}),
      ...(payload.bindingMessage === undefined ? {} : { bindingMessage: payload.bindingMessage }),
    };
  });
}

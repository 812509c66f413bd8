/**
 * Registration of a Sesame Verify device once its activation is redeemed (the guide's step 7):
 * an active `sesame-verify` authenticator holding a fresh 160-bit TOTP secret sealed at rest,
 * the device with its public key, and the activation pointing at them, in one transaction.
 * Then the computer's page waiting on the enrollment flow hears `enrolled` (step 8).
 */
import { randomUUID } from 'node:crypto';
import type { DevicePublicJwk, Platform } from '@sesame/contracts';
import type { Kysely } from 'kysely';
import { type AuditEvent, recordAuditEvent } from '../../audit/record-audit-event.ts';
import type { Database } from '../../db/database.ts';
import { serializeDevicePublicKey } from '../../devices/check-device-public-key.ts';
import type { EventBus } from '../../events/event-bus.ts';
import type { SecretBox } from '../../security/secret-box.ts';
import { mayStillEnroll } from '../authenticator-queries.ts';
import { storeTotpSecret } from '../totp/totp-queries.ts';
import { generateTotpSecret } from '../totp/totp-secret.ts';
import { type Activation, attachAuthenticator } from './activation-queries.ts';
import { enrollmentChannel } from './enrollment-events.ts';
import { sesameVerifyKind } from './sesame-verify-kind.ts';

export interface RegisterDeviceDeps {
  db: Kysely<Database>;
  box: SecretBox;
  events: EventBus;
  now: () => number;
  /** The CSPRNG by default; tests may pass their own. */
  random?: (size: number) => Uint8Array;
}

export interface RegisterDeviceInput {
  /** An activation this request has just redeemed (redeemActivation). */
  activation: Activation;
  /** Already checked (checkDevicePublicKey). */
  publicKey: DevicePublicJwk;
  platform: Platform;
  deviceName: string;
  /** Where the request came from, for the audit trail. */
  audit?: Omit<AuditEvent, 'type' | 'accountId'>;
}

export interface RegisteredDevice {
  deviceId: string;
  authenticatorId: string;
  /** The raw TOTP secret: returned to the device this once, stored only sealed. */
  secret: Uint8Array;
}

/** The message on the flow's channel; the QR page then looks in the database. */
export const enrolledMessage = 'enrolled';

export async function registerDevice(
  deps: RegisterDeviceDeps,
  input: RegisterDeviceInput,
): Promise<RegisteredDevice | undefined> {
  const { activation } = input;
  const nowMs = deps.now();
  const secret = generateTotpSecret(deps.random);
  const authenticatorId = randomUUID();
  const deviceId = randomUUID();
  const registered = await deps.db.transaction().execute(async (trx) => {
    // Of two flows' activations redeemed at the same moment, one adds its device (G-40).
    if (!(await mayStillEnroll(trx, activation.account_id, activation.flow_id))) return false;
    await trx
      .insertInto('authenticators')
      .values({
        id: authenticatorId,
        account_id: activation.account_id,
        kind: sesameVerifyKind,
        // The device proved possession of the activation: no code to confirm first.
        status: 'active',
        label: input.deviceName,
        created_at: nowMs,
        activated_at: nowMs,
        last_used_at: null,
        flow_id: activation.flow_id,
      })
      .execute();
    await storeTotpSecret(trx, deps.box, authenticatorId, secret);
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        account_id: activation.account_id,
        authenticator_id: authenticatorId,
        platform: input.platform,
        name: input.deviceName,
        public_jwk: serializeDevicePublicKey(input.publicKey),
        created_at: nowMs,
        last_seen_at: nowMs,
      })
      .execute();
    await attachAuthenticator(trx, activation.id, authenticatorId);
    await recordAuditEvent(
      trx,
      {
        ...input.audit,
        type: 'authenticator.added',
        accountId: activation.account_id,
        reason: sesameVerifyKind,
      },
      nowMs,
    );
    return true;
  });
  if (!registered) return undefined;
  // After the commit, so the page that hears it finds the device in the database. A lost message
  // only delays the page until its next look (the database is the source of truth): it must not
  // fail the one response that carries the secret to the device.
  await deps.events
    .publish(enrollmentChannel(activation.flow_id), enrolledMessage)
    .catch(() => undefined);
  return { deviceId, authenticatorId, secret };
}

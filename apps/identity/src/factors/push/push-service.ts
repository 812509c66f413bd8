/**
 * Web Push (VAPID, RFC 8291 encryption, the `web-push` package) as a wake-up, never the channel
 * (G-47): a new request wakes each device behind the challenge's authenticator independently, in
 * the background — a slow or failing push service never delays nor fails the sign-in — and a
 * subscription the push service answers 404 or 410 for is forgotten. The app then reads its
 * requests through the device API.
 */
import type { Agent } from 'node:https';
import type { PushMessage } from '@sesame/contracts';
import type { Kysely } from 'kysely';
import webPush from 'web-push';
import type { Database } from '../../db/database.ts';
import type { SecretBox } from '../../security/secret-box.ts';
import { type LocateIp, locateNowhere } from './locate-ip.ts';
import {
  deleteGonePushSubscription,
  readPushSubscriptions,
  type StoredPushSubscription,
} from './push-subscription-queries.ts';
import { loadVapidKeys, type VapidKeys } from './vapid-keys.ts';

export interface PushService {
  readonly vapidPublicKey: string;
  /** How long « Ce n'était pas moi » blocks the account's pushes. */
  readonly denialBlockSeconds: number;
  /** The city a request comes from, when a GeoIP database is configured (locate-ip.ts). */
  readonly locate: LocateIp;
  /** Wake the devices behind this authenticator; returns at once, never throws. */
  wake(authenticatorId: string, message: PushMessage): void;
  /** Resolves once every wake-up begun so far has ended (graceful close, tests). */
  idle(): Promise<void>;
}

export interface PushServiceOptions {
  db: Kysely<Database>;
  box: SecretBox;
  now: () => number;
  /** The deployment's keys (loadVapidKeys); `openPushService` loads them. */
  vapid: VapidKeys;
  /** RFC 8292 §2.1 `sub`: a mailto: or https: contact for the push services. */
  subject: string;
  denialBlockSeconds: number;
  /** Where an address is (default: nowhere, the phone shows the address alone). */
  locate?: LocateIp;
  /** The HTTPS agent for the push services (tests: one that trusts a local authority). */
  agent?: Agent;
  onError?: (error: unknown, context: string) => void;
}

/** A push service that does not answer in this time is given up (the app still pulls). */
const sendTimeoutMs = 5000;

/** The push service of this deployment: its VAPID keys loaded (made at first start). */
export async function openPushService(
  options: Omit<PushServiceOptions, 'vapid'>,
): Promise<PushService> {
  const vapid = await loadVapidKeys(options.db, options.box, options.now());
  return createPushService({ ...options, vapid });
}

export function createPushService(options: PushServiceOptions): PushService {
  const inFlight = new Set<Promise<void>>();
  const track = (task: Promise<void>) => {
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  };
  const sendOne = async (stored: StoredPushSubscription, message: PushMessage) => {
    const ttlSeconds = Math.max(1, Math.ceil((message.expiresAt - options.now()) / 1000));
    try {
      await webPush.sendNotification(stored.subscription, JSON.stringify(message), {
        vapidDetails: {
          subject: options.subject,
          publicKey: options.vapid.publicKey,
          privateKey: options.vapid.privateKey,
        },
        // Kept no longer than the request lives; delivered now if the phone can be woken.
        TTL: ttlSeconds,
        urgency: 'high',
        timeout: sendTimeoutMs,
        ...(options.agent ? { agent: options.agent } : {}),
      });
    } catch (error) {
      // RFC 8030 §7.3: 404/410, the subscription has expired or was withdrawn: forget it.
      if (error instanceof webPush.WebPushError && [404, 410].includes(error.statusCode)) {
        await deleteGonePushSubscription(options.db, stored);
        return;
      }
      // Only the status: the error carries the endpoint, a capability to reach the phone.
      const status = error instanceof webPush.WebPushError ? error.statusCode : undefined;
      options.onError?.(
        status === undefined ? error : new Error(`push service answered ${status}`),
        'web push refused',
      );
    }
  };
  return {
    vapidPublicKey: options.vapid.publicKey,
    denialBlockSeconds: options.denialBlockSeconds,
    locate: options.locate ?? locateNowhere,
    wake(authenticatorId, message) {
      const task = readPushSubscriptions(options.db, options.box, authenticatorId)
        // Each device on its own: one failing never stops the others.
        .then((subscriptions) =>
          Promise.allSettled(subscriptions.map((stored) => sendOne(stored, message))),
        )
        .then(() => undefined)
        .catch((error: unknown) => options.onError?.(error, 'web push wake-up failed'));
      track(task);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

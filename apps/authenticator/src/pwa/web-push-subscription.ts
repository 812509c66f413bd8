/**
 * Notifications for push requests (G-47: a wake-up only; the app still pulls): ask the permission
 * when the user chose to, subscribe this app with the deployment's VAPID key, and give the
 * subscription to the server for each account's device. On iPhone this needs iOS 16.4 or later
 * and the app opened from the Home Screen; elsewhere, any browser with the Push API.
 */
import type { PushSubscriptionBody } from '@sesame/contracts';
import type { StoredAccount } from '../core/account-store.ts';
import { fetchVapidKey, savePushSubscription } from '../core/push-requests.ts';
import type { AppServices } from './app-services.ts';

export type NotificationState = 'unsupported' | 'default' | 'granted' | 'denied';

export function notificationState(): NotificationState {
  if (!('Notification' in globalThis) || !('serviceWorker' in navigator)) return 'unsupported';
  if (!('PushManager' in globalThis)) return 'unsupported';
  return Notification.permission;
}

/** Ask (only from a tap: browsers refuse a prompt nobody asked for), then subscribe. */
export async function enableNotifications(
  services: AppServices,
  accounts: StoredAccount[],
): Promise<NotificationState> {
  if (notificationState() === 'unsupported') return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission;
  await subscribeAccounts(services, accounts);
  return 'granted';
}

/** Give this app's subscription (made if needed) to every account's device. */
export async function subscribeAccounts(
  services: AppServices,
  accounts: StoredAccount[],
): Promise<void> {
  if (notificationState() !== 'granted' || accounts.length === 0) return;
  const registration = await navigator.serviceWorker.ready;
  const vapidKey = await fetchVapidKey({ fetch: services.fetch, issuer: services.origin });
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64UrlBytes(vapidKey),
    }));
  const json = subscription.toJSON();
  if (!json.endpoint || !json.keys?.p256dh || !json.keys.auth) return;
  const body: PushSubscriptionBody = {
    endpoint: json.endpoint,
    keys: { p256dh: json.keys.p256dh, auth: json.keys.auth },
  };
  await Promise.allSettled(
    accounts
      .filter((account) => account.issuer === services.origin)
      .map((account) =>
        savePushSubscription({
          fetch: services.fetch,
          account,
          nowMs: services.now(),
          subscription: body,
        }),
      ),
  );
}

function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

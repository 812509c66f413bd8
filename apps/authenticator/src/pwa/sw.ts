/**
 * Service worker of Sesame Verify (scope /app/): the app shell is cached at install, so the
 * codes show without a network; the device API (/api/) always goes to the network and its
 * answers are never cached. A new build has a new cache name; the old one is dropped.
 * A Web Push message (a sign-in request) shows a notification; tapping it opens the app on that
 * request (`/app/?request=<id>`), which then reads it through the device API (G-47).
 */
import { type PushMessage, PushMessage as PushMessageSchema } from '@sesame/contracts';
import { Check } from 'typebox/value';
import { catalogues, type Lang } from './i18n/i18n.ts';

/** Filled in by build-app.ts: the shell's paths and a build id. */
declare const __SHELL_FILES__: string[];
declare const __BUILD_ID__: string;

// lib "webworker" cannot sit beside lib "dom" in one program: the few types used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface PushEvent extends ExtendableEvent {
  readonly data: { json(): unknown } | null;
}
interface NotificationEvent extends ExtendableEvent {
  readonly notification: Notification & { data: unknown };
}
interface WindowClient {
  readonly url: string;
  focus(): Promise<WindowClient>;
  navigate(url: string): Promise<WindowClient | null>;
}
interface ServiceWorkerScope {
  readonly location: Location;
  readonly registration: {
    showNotification(title: string, options: NotificationOptions): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]>;
    openWindow(url: string): Promise<WindowClient | null>;
  };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'push', listener: (event: PushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationEvent) => void): void;
}

const sw = self as unknown as ServiceWorkerScope;
const cachePrefix = 'sesame-verify-';
const cacheName = `${cachePrefix}${__BUILD_ID__}`;
const shellDocument = '/app/index.html';

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(__SHELL_FILES__))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(cachePrefix) && name !== cacheName)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // Only our own GETs under /app/: the API (/api/…) and everything else go to the network, uncached.
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (!url.pathname.startsWith('/app/')) return;
  if (request.mode === 'navigate') {
    // Every page of the app is the same document (client-side screens, /app/activate#token=…).
    event.respondWith(fromCacheOrNetwork(shellDocument, request));
    return;
  }
  event.respondWith(fromCacheOrNetwork(url.pathname, request));
});

async function fromCacheOrNetwork(path: string, request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(path);
  return cached ?? fetch(request);
}

sw.addEventListener('push', (event) => {
  let message: unknown;
  try {
    message = event.data?.json();
  } catch {
    message = undefined;
  }
  // Only our own message shape; anything else still shows a notification (browsers require one).
  const known = Check(PushMessageSchema, message) ? (message as PushMessage) : undefined;
  const t = catalogues[swLang()];
  // A sign-in, or an operation an application asks to approve (« Ajouter le bénéficiaire … ? »).
  const operation = known?.operation === true;
  const body = t[operation ? 'push.notificationOperationBody' : 'push.notificationBody'].replace(
    '{application}',
    known?.application ?? t['app.name'],
  );
  const title = t[operation ? 'push.notificationOperationTitle' : 'push.notificationTitle'];
  event.waitUntil(
    sw.registration.showNotification(title, {
      body,
      tag: known?.id ?? 'sesame-verify',
      icon: '/app/icons/icon-192.png',
      data: { id: known?.id },
      requireInteraction: true,
    }),
  );
});

sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const id = (event.notification.data as { id?: unknown } | null)?.id;
  const url = typeof id === 'string' ? `/app/?request=${encodeURIComponent(id)}` : '/app/';
  event.waitUntil(openApp(url));
});

/** Bring an open window of the app to that request, or open one. */
async function openApp(url: string): Promise<void> {
  const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).pathname.startsWith('/app/'));
  if (open) {
    await open.navigate(url);
    await open.focus();
    return;
  }
  await sw.clients.openWindow(url);
}

function swLang(): Lang {
  return /^fr\b/i.test(navigator.language) ? 'fr' : 'en';
}

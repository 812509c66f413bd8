/**
 * Service worker of Sesame Verify (scope /app/): the app shell is cached at install, so the
 * codes show without a network; the device API (/api/) always goes to the network and its
 * answers are never cached. A new build has a new cache name; the old one is dropped.
 */

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
interface ServiceWorkerScope {
  readonly location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
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

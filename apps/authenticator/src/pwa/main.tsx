/** Entry point of the PWA (bundled to /app/assets/main-<hash>.js by build-app.ts). */
import { render } from 'preact';
import { App } from './app.tsx';
import { initialLang } from './i18n/i18n.ts';
import { openIndexedDbOtpStore, openIndexedDbStore } from './indexeddb-store.ts';

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const [store, otpStore] = await Promise.all([openIndexedDbStore(), openIndexedDbOtpStore()]);
  const storage = safeLocalStorage();
  render(
    <App
      services={{
        store,
        otpStore,
        fetch: globalThis.fetch.bind(globalThis),
        now: Date.now,
        origin: location.origin,
        userAgent: navigator.userAgent,
        copyText: (text) => navigator.clipboard.writeText(text),
      }}
      lang={initialLang(storage, navigator.languages ?? [navigator.language])}
      href={location.href}
    />,
    root,
  );
  // Offline codes: the service worker keeps the app shell (never the API's answers).
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => undefined);
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

void start();

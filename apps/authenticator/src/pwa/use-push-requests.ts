/**
 * The push requests waiting for this phone's accounts (G-47, pull first): read when the app opens
 * and each time it comes back to the foreground, and kept up to date by each account's live
 * stream while it is in the foreground (streams close when it goes to the background).
 */
import type { PushRequest } from '@sesame/contracts';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StoredAccount } from '../core/account-store.ts';
import { fetchPushRequests } from '../core/push-requests.ts';
import { watchPushRequests } from '../core/watch-push-requests.ts';
import type { AppServices } from './app-services.ts';

export interface PendingPush {
  account: StoredAccount;
  request: PushRequest;
}

export function usePushRequests(
  services: AppServices,
  accounts: StoredAccount[] | null,
): {
  pending: PendingPush[];
  /** Whether the first read has answered (a request opened from a notification waits for it). */
  loaded: boolean;
  refresh: () => Promise<void>;
  forget: (id: string) => void;
} {
  const [byAccount, setByAccount] = useState<Record<string, PushRequest[]>>({});
  const [loaded, setLoaded] = useState(false);
  const ours = (accounts ?? []).filter((account) => account.issuer === services.origin);
  const key = ours.map((account) => account.id).join(',');

  const refresh = useCallback(async () => {
    const lists = await Promise.all(
      ours.map(async (account) => {
        const requests = await fetchPushRequests({
          fetch: services.fetch,
          account,
          nowMs: services.now(),
        }).catch(() => undefined);
        return [account.id, requests] as const;
      }),
    );
    setByAccount((previous) => {
      const next = { ...previous };
      for (const [id, requests] of lists) if (requests) next[id] = requests;
      return next;
    });
    if (accounts !== null) setLoaded(true);
  }, [key, services]);

  useEffect(() => {
    let controller: AbortController | undefined;
    const open = () => {
      controller?.abort();
      controller = new AbortController();
      const { signal } = controller;
      void refresh();
      for (const account of ours)
        void watchPushRequests({
          fetch: services.fetch,
          account,
          now: services.now,
          signal,
          onRequests: (requests) =>
            setByAccount((previous) => ({ ...previous, [account.id]: requests })),
        });
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') open();
      else controller?.abort();
    };
    if (document.visibilityState === 'visible') open();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      controller?.abort();
    };
  }, [key, refresh, services]);

  const forget = useCallback((id: string) => {
    setByAccount((previous) =>
      Object.fromEntries(
        Object.entries(previous).map(([account, list]) => [
          account,
          list.filter((request) => request.id !== id),
        ]),
      ),
    );
  }, []);

  const pending = ours.flatMap((account) =>
    (byAccount[account.id] ?? []).map((request) => ({ account, request })),
  );
  pending.sort((a, b) => a.request.createdAt - b.request.createdAt);
  return { pending, loaded, refresh, forget };
}

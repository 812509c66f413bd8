/**
 * Sesame Verify, the PWA: which screen is shown, the accounts, the language. Opening
 * `/app/activate#token=…` (the QR code's link) goes straight to the confirmation screen.
 */
import { activationLinkPath } from '@sesame/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StoredAccount } from '../core/account-store.ts';
import type { OtpAccount } from '../core/otp-account-store.ts';
import { parseActivationLink } from '../core/parse-activation-link.ts';
import { AppContext, type AppServices } from './app-services.ts';
import { Screen } from './components/screen.tsx';
import { type Lang, rememberLang, translator } from './i18n/i18n.ts';
import type { Navigation, Notice, Step } from './navigation.ts';
import { AccountScreen } from './screens/account-screen.tsx';
import { AccountTypeScreen } from './screens/account-type-screen.tsx';
import { AccountsScreen } from './screens/accounts-screen.tsx';
import { AddOrganizationScreen } from './screens/add-organization-screen.tsx';
import { AddOtherScreen, OtherConfirmScreen } from './screens/add-other-screen.tsx';
import { ConfirmScreen } from './screens/confirm-screen.tsx';
import { DeviceNameScreen } from './screens/device-name-screen.tsx';
import { ManualEntryScreen } from './screens/manual-entry-screen.tsx';
import { NotificationsScreen } from './screens/notifications-screen.tsx';
import { OtherAccountScreen } from './screens/other-account-screen.tsx';
import { OtherManualScreen } from './screens/other-manual-screen.tsx';
import { PushRequestScreen } from './screens/push-request-screen.tsx';
import { ScanIntroScreen } from './screens/scan-intro-screen.tsx';
import { ScannerScreen } from './screens/scanner-screen.tsx';
import { SettingsScreen } from './screens/settings-screen.tsx';
import { usePushRequests } from './use-push-requests.ts';
import { subscribeAccounts } from './web-push-subscription.ts';

const home: Step = { name: 'accounts' };

/** The first screens, from the address the app was opened at. */
export function initialSteps(href: string): { steps: Step[]; linkInvalid: boolean } {
  const url = new URL(href);
  // A notification opens the app on its request (sw.ts: /app/?request=<id>).
  const request = url.searchParams.get('request');
  if (url.pathname === '/app/' && request && /^[\w-]{1,64}$/.test(request))
    return { steps: [home, { name: 'push-request', id: request }], linkInvalid: false };
  if (url.pathname !== activationLinkPath) return { steps: [home], linkInvalid: false };
  try {
    const link = parseActivationLink(href);
    return {
      steps: [home, { name: 'confirm', pending: { issuer: link.issuer, token: link.token } }],
      linkInvalid: false,
    };
  } catch {
    return { steps: [home], linkInvalid: true };
  }
}

export function App(props: { services: AppServices; lang: Lang; href: string }) {
  const { services } = props;
  const [lang, setLangState] = useState(props.lang);
  const t = useMemo(() => translator(lang), [lang]);
  const initial = useMemo(() => initialSteps(props.href), [props.href]);
  const [stack, setStack] = useState<Step[]>(initial.steps);
  const [notice, setNotice] = useState<Notice | null>(
    initial.linkInvalid ? { kind: 'error', text: t('errors.link.invalid') } : null,
  );
  const [accounts, setAccounts] = useState<StoredAccount[] | null>(null);
  const [otherAccounts, setOtherAccounts] = useState<OtpAccount[]>([]);
  const [loadFailed, setLoadFailed] = useState(false);
  const nav = useHistoryNavigation(stack, setStack, setNotice);
  const pushes = usePushRequests(services, accounts);
  // Once per opening, where notifications are on: the browser may have renewed its subscription.
  const resubscribed = useRef(false);
  useEffect(() => {
    if (accounts === null || accounts.length === 0 || resubscribed.current) return;
    resubscribed.current = true;
    void subscribeAccounts(services, accounts).catch(() => undefined);
  }, [accounts, services]);

  const reload = useCallback(async () => {
    try {
      const [organizations, others] = await Promise.all([
        services.store.list(),
        services.otpStore.list(),
      ]);
      setAccounts(organizations);
      setOtherAccounts(others);
      setLoadFailed(false);
    } catch {
      setAccounts([]);
      setOtherAccounts([]);
      setLoadFailed(true);
    }
  }, [services.store, services.otpStore]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    rememberLang(globalThis.localStorage, next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.name');
  }, [lang, t]);

  const context = useMemo(() => ({ services, lang, t, setLang }), [services, lang, t, setLang]);
  const step = stack[stack.length - 1] ?? home;
  // A new request while the list is shown opens at once (as Okta Verify does); once only.
  const shown = useRef(new Set<string>());
  const first = pushes.pending[0];
  useEffect(() => {
    if (first === undefined || step.name !== 'accounts') return;
    if (shown.current.has(first.request.id)) return;
    shown.current.add(first.request.id);
    nav.go({ name: 'push-request', id: first.request.id });
  }, [first, step.name, nav]);
  return <AppContext.Provider value={context}>{renderStep(step)}</AppContext.Provider>;

  function renderStep(current: Step) {
    switch (current.name) {
      case 'accounts':
        return (
          <AccountsScreen
            accounts={accounts}
            otherAccounts={otherAccounts}
            loadFailed={loadFailed}
            notice={notice}
            nav={nav}
            pending={pushes.pending}
          />
        );
      case 'account-type':
        return <AccountTypeScreen nav={nav} />;
      case 'add-organization':
        return <AddOrganizationScreen nav={nav} />;
      case 'scan-intro':
        return <ScanIntroScreen nav={nav} />;
      case 'scanner':
        return (
          <ScannerScreen
            key={current.other ? 'other' : 'organization'}
            nav={nav}
            other={current.other}
          />
        );
      case 'add-other':
        return <AddOtherScreen nav={nav} />;
      case 'other-manual':
        return <OtherManualScreen nav={nav} onAdded={reload} />;
      case 'other-confirm':
        return <OtherConfirmScreen account={current.account} nav={nav} onAdded={reload} />;
      case 'other-account':
        return (
          <OtherAccountScreen
            key={current.id}
            account={otherAccounts.find((account) => account.id === current.id)}
            nav={nav}
            onChanged={reload}
          />
        );
      case 'manual':
        return <ManualEntryScreen nav={nav} />;
      case 'confirm':
        return <ConfirmScreen pending={current.pending} nav={nav} />;
      case 'device-name':
        return <DeviceNameScreen pending={current.pending} nav={nav} onActivated={reload} />;
      case 'account':
        return (
          <AccountScreen
            key={current.id}
            account={accounts?.find((account) => account.id === current.id)}
            nav={nav}
            onChanged={reload}
          />
        );
      case 'settings':
        return <SettingsScreen nav={nav} accounts={accounts ?? []} />;
      case 'push-request': {
        shown.current.add(current.id);
        const found = pushes.pending.find((pending) => pending.request.id === current.id);
        if (found)
          return (
            <PushRequestScreen
              key={current.id}
              account={found.account}
              request={found.request}
              nav={nav}
              onAnswered={pushes.forget}
            />
          );
        return (
          <Screen name="push-request" title={t('push.title')} onBack={nav.back}>
            <p class="muted" role="status">
              {pushes.loaded ? t('errors.push.not_found') : t('app.busy')}
            </p>
          </Screen>
        );
      }
      case 'notifications':
        return <NotificationsScreen accounts={accounts ?? []} nav={nav} notice={current.notice} />;
    }
  }
}

/**
 * The stack of screens, mirrored in the browser's history: every screen pushes an entry, the
 * back gesture pops one. `home` rewinds the history to the first entry.
 */
function useHistoryNavigation(
  stack: Step[],
  setStack: (update: (steps: Step[]) => Step[]) => void,
  setNotice: (notice: Notice | null) => void,
): Navigation {
  const depth = useRef(stack.length - 1);
  const afterRewind = useRef<Step | null>(null);
  const rewinding = useRef(false);

  useEffect(() => {
    // The token must not stay in the address bar or the history: the app lives at /app/.
    history.replaceState({ depth: 0 }, '', '/app/');
    if (depth.current > 0) history.pushState({ depth: depth.current }, '', '/app/');
    const onPop = () => {
      if (rewinding.current) {
        rewinding.current = false;
        const next = afterRewind.current;
        afterRewind.current = null;
        if (next) {
          depth.current = 1;
          history.pushState({ depth: 1 }, '', '/app/');
          setStack(() => [home, next]);
        }
        return;
      }
      depth.current = Math.max(0, depth.current - 1);
      setStack((steps) => (steps.length > 1 ? steps.slice(0, -1) : steps));
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, [setStack]);

  return useMemo(() => {
    const rewind = (then: Step | null) => {
      const steps = depth.current;
      setStack(() => (then ? [home, then] : [home]));
      if (steps === 0) {
        if (then) {
          depth.current = 1;
          history.pushState({ depth: 1 }, '', '/app/');
        }
        return;
      }
      rewinding.current = true;
      afterRewind.current = then;
      depth.current = 0;
      history.go(-steps);
    };
    return {
      go(step) {
        setNotice(null);
        depth.current += 1;
        history.pushState({ depth: depth.current }, '', '/app/');
        setStack((steps) => [...steps, step]);
      },
      replace(step) {
        setStack((steps) => [...steps.slice(0, -1), step]);
      },
      back() {
        if (depth.current > 0) history.back();
        else setStack((steps) => (steps.length > 1 ? steps.slice(0, -1) : steps));
      },
      home(notice) {
        setNotice(notice ?? null);
        rewind(null);
      },
      restart(step) {
        setNotice(null);
        rewind(step);
      },
    };
  }, [setStack, setNotice]);
}

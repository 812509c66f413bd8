/**
 * After an account is added (issue 7 §2): ask for notifications at the moment they make sense,
 * saying what they are for, and how on iPhone (iOS 16.4+, the app on the Home Screen). « Plus
 * tard » is always fine: requests also appear whenever the app is opened.
 */
import { useState } from 'preact/hooks';
import type { StoredAccount } from '../../core/account-store.ts';
import { useApp } from '../app-services.ts';
import { Alert, Screen } from '../components/screen.tsx';
import type { Navigation } from '../navigation.ts';
import { enableNotifications, notificationState } from '../web-push-subscription.ts';

export function NotificationsScreen(props: {
  accounts: StoredAccount[];
  nav: Navigation;
  /** The notice to show on the account list afterwards (« Compte ajouté… »). */
  notice: string;
}) {
  const { t, services } = useApp();
  const [state, setState] = useState(notificationState);
  const [busy, setBusy] = useState(false);
  const iPhone = /iPhone|iPad/.test(services.userAgent);
  const done = () => props.nav.home({ kind: 'ok', text: props.notice });

  const allow = async () => {
    setBusy(true);
    const result = await enableNotifications(services, props.accounts).catch(
      () => 'unsupported' as const,
    );
    setState(result);
    setBusy(false);
    if (result === 'granted') done();
  };

  return (
    <Screen name="notifications" title={t('notify.title')}>
      <p>{t('notify.text')}</p>
      {iPhone && <p class="muted">{t('notify.ios')}</p>}
      {state === 'denied' && <Alert kind="info">{t('notify.denied')}</Alert>}
      {state === 'unsupported' && <Alert kind="info">{t('notify.unsupported')}</Alert>}
      {state === 'default' && (
        <button type="button" class="button" disabled={busy} onClick={() => void allow()}>
          {t('notify.allow')}
        </button>
      )}
      <button type="button" class="link-button" disabled={busy} onClick={done}>
        {state === 'default' ? t('notify.later') : t('app.next')}
      </button>
    </Screen>
  );
}

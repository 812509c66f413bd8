/** The home screen: the accounts with their codes, or the empty state with "Ajouter un compte". */
import { useState } from 'preact/hooks';
import type { StoredAccount } from '../../core/account-store.ts';
import type { OtpAccount } from '../../core/otp-account-store.ts';
import { useApp } from '../app-services.ts';
import { AccountCard, OtpAccountCard } from '../components/account-card.tsx';
import { SesameMark, SettingsIcon } from '../components/icons.tsx';
import { Alert, Screen } from '../components/screen.tsx';
import type { Navigation, Notice } from '../navigation.ts';
import { useNow } from '../use-now.ts';
import type { PendingPush } from '../use-push-requests.ts';

export function AccountsScreen(props: {
  accounts: StoredAccount[] | null;
  /** The « Autre » accounts, after the organizations'. */
  otherAccounts: OtpAccount[];
  loadFailed: boolean;
  notice: Notice | null;
  nav: Navigation;
  /** Sign-in requests waiting for an answer. */
  pending: PendingPush[];
}) {
  const { t, services } = useApp();
  const nowMs = useNow(services.now);
  const [toast, setToast] = useState('');
  const copy = async (code: string) => {
    try {
      await services.copyText(code);
      setToast(t('accounts.copied'));
    } catch {
      setToast(t('accounts.copyFailed'));
    }
    setTimeout(() => setToast(''), 2500);
  };
  const add = () => props.nav.go({ name: 'account-type' });
  const settings = (
    <button
      type="button"
      class="icon-button"
      aria-label={t('app.settings')}
      onClick={() => props.nav.go({ name: 'settings' })}
    >
      <SettingsIcon />
    </button>
  );
  const accounts = props.accounts ?? [];
  const others = props.otherAccounts;
  const none = accounts.length === 0 && others.length === 0;
  return (
    <Screen name="accounts" title={t('app.name')} actions={settings}>
      {props.notice && (
        <Alert kind={props.notice.kind} testId="notice">
          {props.notice.text}
        </Alert>
      )}
      {props.loadFailed && <Alert kind="error">{t('accounts.loadFailed')}</Alert>}
      {props.pending.length > 0 && (
        <section aria-labelledby="pending-title" data-testid="pending-requests">
          <h2 id="pending-title">{t('push.pendingTitle')}</h2>
          {props.pending.map(({ request }) => (
            <button
              key={request.id}
              type="button"
              class="button secondary"
              onClick={() => props.nav.go({ name: 'push-request', id: request.id })}
            >
              {t('push.pendingItem', {
                application: request.application,
                time: new Date(request.createdAt).toLocaleTimeString(),
              })}
            </button>
          ))}
        </section>
      )}
      {props.accounts !== null && none && (
        <section class="empty" data-testid="empty-state">
          <SesameMark size={88} />
          <h2>{t('accounts.emptyTitle')}</h2>
          <p class="muted">{t('accounts.emptyText')}</p>
        </section>
      )}
      {!none && (
        <ul class="accounts" aria-label={t('accounts.title')}>
          {accounts.map((account) => (
            <AccountCard
              key={account.id}
              account={account}
              nowMs={nowMs}
              onCopy={(code) => void copy(code)}
              onOptions={() => props.nav.go({ name: 'account', id: account.id })}
            />
          ))}
          {others.map((account) => (
            <OtpAccountCard
              key={account.id}
              account={account}
              nowMs={nowMs}
              onCopy={(code) => void copy(code)}
              onOptions={() => props.nav.go({ name: 'other-account', id: account.id })}
            />
          ))}
        </ul>
      )}
      {props.accounts !== null && (
        <button type="button" class="button" onClick={add}>
          {t('accounts.add')}
        </button>
      )}
      <p class="toast" role="status" aria-live="polite">
        {toast}
      </p>
    </Screen>
  );
}

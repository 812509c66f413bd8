/**
 * An account's menu: its details, rename, remove. Removing asks the server to forget the device
 * (signed `DELETE /api/device/me`) and then deletes it here; unreachable server: after a second
 * confirmation, here only.
 */
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { accountTitle, organizationTitle, type StoredAccount } from '../../core/account-store.ts';
import { removeDevice } from '../../core/remove-device.ts';
import { isVerifyError, type VerifyErrorCode } from '../../core/verify-error.ts';
import { useApp } from '../app-services.ts';
import { Alert, Screen } from '../components/screen.tsx';
import type { Navigation } from '../navigation.ts';

type Mode = 'view' | 'rename' | 'confirm-remove' | 'removing' | 'offline';

export function AccountScreen(props: {
  account: StoredAccount | undefined;
  nav: Navigation;
  onChanged: () => Promise<void>;
}) {
  const { t, services, lang } = useApp();
  const [mode, setMode] = useState<Mode>('view');
  const [label, setLabel] = useState(props.account?.label ?? '');
  const [error, setError] = useState<VerifyErrorCode | 'unexpected' | null>(null);
  const focusTarget = useRef<HTMLElement>(null);
  // Each panel that opens takes the focus, so a screen reader reads it next.
  useEffect(() => {
    if (mode !== 'view' && mode !== 'removing') focusTarget.current?.focus();
  }, [mode]);
  const { account } = props;
  if (!account) {
    return (
      <Screen name="account" title={t('app.name')} onBack={props.nav.back}>
        <Alert kind="error">{t('errors.unexpected')}</Alert>
      </Screen>
    );
  }
  const host = new URL(account.issuer).host;
  // The organization's name when it set one, with its server's host beside it.
  const org = account.organizationName ? `${organizationTitle(account)} · ${host}` : host;

  const rename = async (event: Event) => {
    event.preventDefault();
    await services.store.rename(account.id, label);
    await props.onChanged();
    setMode('view');
  };

  const deleteLocally = async () => {
    await services.store.remove(account.id);
    await props.onChanged();
    props.nav.home({ kind: 'ok', text: t('accounts.removed') });
  };

  const remove = async () => {
    setMode('removing');
    setError(null);
    try {
      await removeDevice({ fetch: services.fetch, account, nowMs: services.now() });
      await deleteLocally();
    } catch (caught) {
      if (isVerifyError(caught, 'network')) {
        setMode('offline');
        return;
      }
      setError(isVerifyError(caught) ? caught.code : 'unexpected');
      setMode('confirm-remove');
    }
  };

  const created = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
  }).format(account.createdAt);

  return (
    <Screen name="account" title={accountTitle(account)} onBack={props.nav.back}>
      <dl class="details">
        <dt>{t('account.organization')}</dt>
        <dd>{org}</dd>
        <dt>{t('account.displayName')}</dt>
        <dd>{account.displayName}</dd>
        <dt>{t('account.username')}</dt>
        <dd>{account.username}</dd>
        <dt>{t('account.device')}</dt>
        <dd>{account.deviceName}</dd>
        <dt>{t('account.created')}</dt>
        <dd>{created}</dd>
      </dl>

      {mode === 'view' && (
        <div class="actions">
          <button type="button" class="button secondary" onClick={() => setMode('rename')}>
            {t('account.rename')}
          </button>
          <button type="button" class="button danger" onClick={() => setMode('confirm-remove')}>
            {t('account.remove')}
          </button>
        </div>
      )}

      {mode === 'rename' && (
        <form onSubmit={(event) => void rename(event)}>
          <div class="field">
            <label for="account-label">{t('account.renameLabel')}</label>
            <input
              ref={focusTarget as Ref<HTMLInputElement>}
              id="account-label"
              type="text"
              value={label}
              maxLength={64}
              placeholder={org}
              aria-describedby="account-label-help"
              onInput={(event) => setLabel(event.currentTarget.value)}
            />
            <p id="account-label-help" class="help">
              {t('account.renameHelp')}
            </p>
          </div>
          <button type="submit" class="button">
            {t('account.save')}
          </button>
          <button type="button" class="link-button" onClick={() => setMode('view')}>
            {t('app.cancel')}
          </button>
        </form>
      )}

      {(mode === 'confirm-remove' || mode === 'removing') && (
        <section class="confirm-box" aria-labelledby="remove-question" data-testid="remove-confirm">
          <h2 id="remove-question" tabIndex={-1} ref={focusTarget as Ref<HTMLHeadingElement>}>
            {t('account.removeQuestion')}
          </h2>
          {error && <Alert kind="error">{t(`errors.${error}`, { org })}</Alert>}
          <p>{t('account.removeText', { org })}</p>
          <button
            type="button"
            class="button danger"
            disabled={mode === 'removing'}
            onClick={() => void remove()}
          >
            {mode === 'removing' ? t('account.removing') : t('account.removeConfirm')}
          </button>
          <button type="button" class="link-button" onClick={() => setMode('view')}>
            {t('app.cancel')}
          </button>
        </section>
      )}

      {mode === 'offline' && (
        <section class="confirm-box" aria-labelledby="remove-offline" data-testid="remove-offline">
          <p
            id="remove-offline"
            role="alert"
            tabIndex={-1}
            ref={focusTarget as Ref<HTMLParagraphElement>}
          >
            {t('account.removeOffline', { org })}
          </p>
          <button type="button" class="button danger" onClick={() => void deleteLocally()}>
            {t('account.removeLocally')}
          </button>
          <button type="button" class="link-button" onClick={() => setMode('view')}>
            {t('app.cancel')}
          </button>
        </section>
      )}
    </Screen>
  );
}

/**
 * "Terminé" (guide, step 7): make the device key pair (non-extractable), redeem the activation,
 * store the account, and show its code.
 */
import { useState } from 'preact/hooks';
import { activateAccount } from '../../core/activate-account.ts';
import { generateDeviceKeys } from '../../core/device-keys.ts';
import { defaultDeviceName, platformFromUserAgent } from '../../core/platform.ts';
import { isVerifyError, type VerifyErrorCode } from '../../core/verify-error.ts';
import { useApp } from '../app-services.ts';
import { Alert, Screen } from '../components/screen.tsx';
import type { Navigation, PendingActivation } from '../navigation.ts';
import { notificationState, subscribeAccounts } from '../web-push-subscription.ts';

export function DeviceNameScreen(props: {
  pending: PendingActivation;
  nav: Navigation;
  onActivated: () => Promise<void>;
}) {
  const { t, services } = useApp();
  const [name, setName] = useState(() =>
    defaultDeviceName(services.userAgent, t('device.fallbackName')),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<VerifyErrorCode | 'unexpected' | 'name' | null>(null);
  const org = new URL(props.pending.issuer).host;

  const finish = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setError('name');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const keys = await generateDeviceKeys({ extractable: false });
      const account = await activateAccount({
        ...props.pending,
        fetch: services.fetch,
        platform: platformFromUserAgent(services.userAgent),
        deviceName: name,
        keys,
        nowMs: services.now(),
      });
      await services.store.put(account);
      await props.onActivated();
      // The right moment to ask for notifications: the user just set the app up for sign-ins.
      if (notificationState() === 'default') {
        props.nav.go({ name: 'notifications', notice: t('accounts.added') });
        return;
      }
      await subscribeAccounts(services, [account]).catch(() => undefined);
      props.nav.home({ kind: 'ok', text: t('accounts.added') });
    } catch (caught) {
      setError(isVerifyError(caught) ? caught.code : 'unexpected');
      setBusy(false);
    }
  };

  const used = error === 'activation.invalid';
  return (
    <Screen name="device-name" title={t('device.title')} onBack={busy ? undefined : props.nav.back}>
      {error && error !== 'name' && (
        <Alert kind="error" testId="activation-error">
          {t(`errors.${error}`, { org })}
        </Alert>
      )}
      {!used && (
        <form onSubmit={(event) => void finish(event)} noValidate>
          <div class="field">
            <label for="device-name">{t('device.name')}</label>
            <input
              id="device-name"
              type="text"
              value={name}
              maxLength={64}
              autocomplete="off"
              onInput={(event) => setName(event.currentTarget.value)}
              aria-describedby={
                error === 'name' ? 'device-name-help device-name-error' : 'device-name-help'
              }
              aria-invalid={error === 'name' ? 'true' : undefined}
              disabled={busy}
            />
            <p id="device-name-help" class="help">
              {t('device.help')}
            </p>
            {error === 'name' && (
              <p id="device-name-error" class="field-error">
                {t('device.nameRequired')}
              </p>
            )}
          </div>
          <button
            type="submit"
            class="button"
            disabled={busy}
            aria-busy={busy ? 'true' : undefined}
          >
            {busy ? t('device.activating') : t('device.done')}
          </button>
        </form>
      )}
      {used && (
        <button
          type="button"
          class="button"
          onClick={() =>
            props.nav.restart({ name: 'token' in props.pending ? 'scanner' : 'manual' })
          }
        >
          {'token' in props.pending ? t('device.rescan') : t('scan.manual')}
        </button>
      )}
    </Screen>
  );
}

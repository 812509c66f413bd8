/**
 * « Autre »: another service's codes (Google, GitHub, a bank…), from the QR code that service
 * shows (`otpauth://totp/…`) or its key typed in. Nothing is sent anywhere: the account is kept
 * on this phone, its secret sealed, and its codes work offline.
 */
import type { ComponentChildren } from 'preact';
import { newOtpAccount } from '../../core/otp-account-store.ts';
import type { OtpauthAccount } from '../../core/parse-otpauth-uri.ts';
import { type AppServices, useApp } from '../app-services.ts';
import { KeyIcon, QrIcon } from '../components/icons.tsx';
import { Screen } from '../components/screen.tsx';
import type { Translate } from '../i18n/i18n.ts';
import type { Navigation } from '../navigation.ts';

export function AddOtherScreen(props: { nav: Navigation }) {
  const { t } = useApp();
  return (
    <Screen name="add-other" title={t('other.title')} onBack={props.nav.back}>
      <p>{t('other.text')}</p>
      <div class="choices">
        <button
          type="button"
          class="choice"
          onClick={() => props.nav.go({ name: 'scanner', other: true })}
        >
          <QrIcon />
          <span class="choice-text">
            <span class="choice-title">{t('other.scan')}</span>
          </span>
        </button>
        <button type="button" class="choice" onClick={() => props.nav.go({ name: 'other-manual' })}>
          <KeyIcon />
          <span class="choice-text">
            <span class="choice-title">{t('other.typeKey')}</span>
          </span>
        </button>
      </div>
      <p class="muted">{t('other.private')}</p>
    </Screen>
  );
}

/** Keeps the account on this phone, then back to the list with its code. */
export async function keepOtpAccount(
  services: AppServices,
  parsed: OtpauthAccount,
  nav: Navigation,
  t: Translate,
  onAdded: () => Promise<void>,
): Promise<void> {
  await services.otpStore.put(newOtpAccount(parsed, services.now()));
  await onAdded();
  nav.home({ kind: 'ok', text: t('other.added') });
}

/** What a scanned code holds, before it is kept. */
export function OtherConfirmScreen(props: {
  account: OtpauthAccount;
  nav: Navigation;
  onAdded: () => Promise<void>;
}) {
  const { t, services } = useApp();
  const { account } = props;
  return (
    <Screen name="other-confirm" title={t('other.confirmTitle')} onBack={props.nav.back}>
      <OtpDetails account={account} />
      <p class="muted">{t('other.private')}</p>
      <button
        type="button"
        class="button"
        onClick={() => void keepOtpAccount(services, account, props.nav, t, props.onAdded)}
      >
        {t('other.add')}
      </button>
      <button type="button" class="link-button" onClick={() => props.nav.home()}>
        {t('app.cancel')}
      </button>
    </Screen>
  );
}

/** Service, account and the code's parameters (never the secret). */
export function OtpDetails(props: { account: OtpauthAccount; children?: ComponentChildren }) {
  const { t } = useApp();
  const { account } = props;
  return (
    <dl class="details" data-testid="other-details">
      <dt>{t('other.issuer')}</dt>
      <dd>{account.issuer || '—'}</dd>
      <dt>{t('other.accountName')}</dt>
      <dd>{account.accountName || '—'}</dd>
      <dt>{t('other.codeKind')}</dt>
      <dd>
        {t('other.codeKindValue', {
          digits: account.digits,
          period: account.period,
          algorithm: account.algorithm.replace('SHA', 'SHA-'),
        })}
      </dd>
      {props.children}
    </dl>
  );
}

/**
 * An « Autre » account's menu: what it is, and removing it — from this phone only, since no
 * server knows it. The service itself still expects its codes: the confirmation says so.
 */
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type OtpAccount, otpAccountTitle } from '../../core/otp-account-store.ts';
import { useApp } from '../app-services.ts';
import { Alert, Screen } from '../components/screen.tsx';
import type { Navigation } from '../navigation.ts';
import { OtpDetails } from './add-other-screen.tsx';

export function OtherAccountScreen(props: {
  account: OtpAccount | undefined;
  nav: Navigation;
  onChanged: () => Promise<void>;
}) {
  const { t, services, lang } = useApp();
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);
  const { account } = props;
  if (!account) {
    return (
      <Screen name="other-account" title={t('app.name')} onBack={props.nav.back}>
        <Alert kind="error">{t('errors.unexpected')}</Alert>
      </Screen>
    );
  }
  const title = otpAccountTitle(account);
  const remove = async () => {
    await services.otpStore.remove(account.id);
    await props.onChanged();
    props.nav.home({ kind: 'ok', text: t('accounts.removed') });
  };
  const created = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
  }).format(account.createdAt);

  return (
    <Screen name="other-account" title={title} onBack={props.nav.back}>
      <OtpDetails account={account}>
        <dt>{t('account.created')}</dt>
        <dd>{created}</dd>
      </OtpDetails>
      {confirming ? (
        <section class="confirm-box" aria-labelledby="remove-question" data-testid="remove-confirm">
          <h2 id="remove-question" tabIndex={-1} ref={question as Ref<HTMLHeadingElement>}>
            {t('account.removeQuestion')}
          </h2>
          <p>{t('other.removeText', { service: title })}</p>
          <button type="button" class="button danger" onClick={() => void remove()}>
            {t('account.removeConfirm')}
          </button>
          <button type="button" class="link-button" onClick={() => setConfirming(false)}>
            {t('app.cancel')}
          </button>
        </section>
      ) : (
        <div class="actions">
          <button type="button" class="button danger" onClick={() => setConfirming(true)}>
            {t('account.remove')}
          </button>
        </div>
      )}
    </Screen>
  );
}

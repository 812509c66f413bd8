/** After a valid code (guide, step 6): name the organization, then "Suivant". */
import { useApp } from '../app-services.ts';
import { OrganizationIcon } from '../components/icons.tsx';
import { Screen } from '../components/screen.tsx';
import type { Navigation, PendingActivation } from '../navigation.ts';

export function ConfirmScreen(props: { pending: PendingActivation; nav: Navigation }) {
  const { t } = useApp();
  const host = new URL(props.pending.issuer).host;
  return (
    <Screen name="confirm" title={t('confirm.title')} onBack={props.nav.back}>
      <p>{t('confirm.text')}</p>
      <p class="organization" data-testid="organization">
        <OrganizationIcon />
        <strong>{host}</strong>
      </p>
      {'username' in props.pending && <p class="muted">{props.pending.username}</p>}
      <p class="muted">{t('confirm.check')}</p>
      <button
        type="button"
        class="button"
        onClick={() => props.nav.go({ name: 'device-name', pending: props.pending })}
      >
        {t('app.next')}
      </button>
      <button type="button" class="link-button" onClick={() => props.nav.home()}>
        {t('app.cancel')}
      </button>
    </Screen>
  );
}

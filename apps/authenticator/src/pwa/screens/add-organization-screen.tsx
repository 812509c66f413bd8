/** Step 5.3 of the guide: "Ajouter un compte depuis un nouvel appareil". */
import { useApp } from '../app-services.ts';
import { PhoneIcon } from '../components/icons.tsx';
import { Screen } from '../components/screen.tsx';
import type { Navigation } from '../navigation.ts';

export function AddOrganizationScreen(props: { nav: Navigation }) {
  const { t } = useApp();
  return (
    <Screen name="add-organization" title={t('organization.title')} onBack={props.nav.back}>
      <p>{t('organization.text')}</p>
      <div class="choices">
        <button type="button" class="choice" onClick={() => props.nav.go({ name: 'scan-intro' })}>
          <PhoneIcon />
          <span class="choice-text">
            <span class="choice-title">{t('organization.newDevice')}</span>
          </span>
        </button>
      </div>
    </Screen>
  );
}

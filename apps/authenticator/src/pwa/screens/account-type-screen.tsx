/** Step 5.2 of the guide: "Sélectionnez Organisation"; « Autre » adds another service's codes. */
import { useApp } from '../app-services.ts';
import { KeyIcon, OrganizationIcon } from '../components/icons.tsx';
import { Screen } from '../components/screen.tsx';
import type { Navigation } from '../navigation.ts';

export function AccountTypeScreen(props: { nav: Navigation }) {
  const { t } = useApp();
  return (
    <Screen name="account-type" title={t('type.title')} onBack={props.nav.back}>
      <div class="choices">
        <button
          type="button"
          class="choice"
          aria-describedby="type-organization-help"
          onClick={() => props.nav.go({ name: 'add-organization' })}
        >
          <OrganizationIcon />
          <span class="choice-text">
            <span class="choice-title">{t('type.organization')}</span>
            <span id="type-organization-help" class="choice-help">
              {t('type.organizationHelp')}
            </span>
          </span>
        </button>
        <button
          type="button"
          class="choice"
          aria-describedby="type-other-help"
          onClick={() => props.nav.go({ name: 'add-other' })}
        >
          <KeyIcon />
          <span class="choice-text">
            <span class="choice-title">{t('type.other')}</span>
            <span id="type-other-help" class="choice-help">
              {t('type.otherHelp')}
            </span>
          </span>
        </button>
      </div>
    </Screen>
  );
}

/** Settings: the language (French or English), notifications, and what the app keeps. */
import { useState } from 'preact/hooks';
import type { StoredAccount } from '../../core/account-store.ts';
import { useApp } from '../app-services.ts';
import { SesameMark } from '../components/icons.tsx';
import { Screen } from '../components/screen.tsx';
import type { Lang } from '../i18n/i18n.ts';
import type { Navigation } from '../navigation.ts';
import { enableNotifications, notificationState } from '../web-push-subscription.ts';

const languages: { lang: Lang; name: string }[] = [
  { lang: 'fr', name: 'Français' },
  { lang: 'en', name: 'English' },
];

export function SettingsScreen(props: { nav: Navigation; accounts: StoredAccount[] }) {
  const { t, lang, setLang, services } = useApp();
  const [notifications, setNotifications] = useState(notificationState);
  const allow = async () =>
    setNotifications(
      await enableNotifications(services, props.accounts).catch(() => 'unsupported' as const),
    );
  return (
    <Screen name="settings" title={t('settings.title')} onBack={props.nav.back}>
      <fieldset class="radio-group">
        <legend>{t('settings.language')}</legend>
        {languages.map((option) => (
          <label class="radio" key={option.lang} lang={option.lang}>
            <input
              type="radio"
              name="language"
              value={option.lang}
              checked={lang === option.lang}
              onChange={() => setLang(option.lang)}
            />
            {option.name}
          </label>
        ))}
      </fieldset>
      <section>
        <h2>{t('notify.title')}</h2>
        {notifications === 'granted' && <p class="muted">{t('notify.on')}</p>}
        {notifications === 'denied' && <p class="muted">{t('notify.denied')}</p>}
        {notifications === 'unsupported' && <p class="muted">{t('notify.unsupported')}</p>}
        {notifications === 'default' && (
          <>
            <p class="muted">{t('notify.text')}</p>
            <button type="button" class="button secondary" onClick={() => void allow()}>
              {t('notify.allow')}
            </button>
          </>
        )}
      </section>
      <section class="about">
        <h2>{t('settings.about')}</h2>
        <div class="about-body">
          <SesameMark size={48} />
          <p>{t('settings.aboutText')}</p>
        </div>
      </section>
    </Screen>
  );
}

/** Settings: the language (French or English) and what the app keeps. */
import { useApp } from '../app-services.ts';
import { SesameMark } from '../components/icons.tsx';
import { Screen } from '../components/screen.tsx';
import type { Lang } from '../i18n/i18n.ts';
import type { Navigation } from '../navigation.ts';

const languages: { lang: Lang; name: string }[] = [
  { lang: 'fr', name: 'Français' },
  { lang: 'en', name: 'English' },
];

export function SettingsScreen(props: { nav: Navigation }) {
  const { t, lang, setLang } = useApp();
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

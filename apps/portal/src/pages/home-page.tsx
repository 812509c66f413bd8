/** The welcome page for visitors who are not signed in: one « Me connecter » button. */
import type { VNode } from 'preact';
import { type Lang, messagesFor } from '../i18n/language.ts';
import { Layout } from './layout.tsx';

export function HomePage({ lang }: { lang: Lang }): VNode {
  const t = messagesFor(lang).home;
  return (
    <Layout lang={lang} title={t.title} path="/">
      <section class="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t.title}</h1>
        <p class="hero__lead">{t.lead}</p>
        <a class="button button--primary" href="/login">
          {t.signIn}
        </a>
      </section>
      <div class="grid grid--two">
        <section class="card" aria-labelledby="features-title">
          <h2 id="features-title">{t.featuresTitle}</h2>
          <ul class="checklist">
            <li>{t.featureAccounts}</li>
            <li>{t.featureDocuments}</li>
            <li>{t.featureSecurity}</li>
          </ul>
        </section>
        <section class="card" aria-labelledby="secure-title">
          <h2 id="secure-title">{t.secureTitle}</h2>
          <p>{t.secureText}</p>
        </section>
      </div>
    </Layout>
  );
}

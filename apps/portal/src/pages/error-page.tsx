/**
 * A friendly error page: what happened in plain words and a way home, never a technical detail.
 * Its language switch leads home, since the failed request is not worth repeating.
 */
import type { VNode } from 'preact';
import { type Lang, messagesFor } from '../i18n/language.ts';
import { Layout } from './layout.tsx';

export type ErrorReason =
  | 'generic'
  | 'signInFailed'
  | 'signInCancelled'
  | 'sessionExpired'
  | 'notFound'
  | 'approvalUnavailable';

export function ErrorPage({ lang, reason }: { lang: Lang; reason: ErrorReason }): VNode {
  const t = messagesFor(lang).error;
  return (
    <Layout lang={lang} title={t.title} path="/">
      <section class="card card--narrow" aria-labelledby="error-title">
        <h1 id="error-title">{t.title}</h1>
        <p role="alert">{t[reason]}</p>
        <a class="button button--primary" href="/">
          {t.backHome}
        </a>
      </section>
    </Layout>
  );
}

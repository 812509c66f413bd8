import type { ComponentChildren } from 'preact';
import type { Locale, Translate } from './i18n/messages.ts';
import { selfPath } from './self-path.ts';

export interface PageProps {
  locale: Locale;
  t: Translate;
  title: string;
  /** Path of the current page (a request URL, parsed here), for the language toggle. */
  path: string;
  nonce: string;
  /** A page of tables (the administration console): the frame uses the screen's width. */
  wide?: boolean;
  children: ComponentChildren;
}

/** The frame of every identity page: language, skip link, header with the toggle, one <main>. */
export function Layout({ locale, t, title, path, wide, children }: PageProps) {
  const other: Locale = locale === 'fr' ? 'en' : 'fr';
  const toggleHref = selfPath(path, { lang: other });
  return (
    <html lang={locale === 'fr' ? 'fr-CA' : 'en-CA'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{`${title} · ${t('app.name')}`}</title>
        <link rel="stylesheet" href="/assets/sesame.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <header class="site-header">
          <span class="brand">
            <span class="brand-mark" aria-hidden="true">
              ◆
            </span>{' '}
            {t('app.name')}
          </span>
          <a
            class="lang-toggle"
            href={toggleHref}
            hreflang={other}
            lang={other}
            aria-label={t('app.languageToggleLabel')}
          >
            {t('app.languageToggle')}
          </a>
        </header>
        <main id="main" class={wide ? 'card wide' : 'card'}>
          {children}
        </main>
      </body>
    </html>
  );
}

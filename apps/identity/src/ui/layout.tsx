import type { ComponentChildren } from 'preact';
import { logoPath, themePath, useBranding } from '../branding/branding-context.ts';
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

/**
 * The frame of every identity page: language, skip link, header with the toggle, one <main>. The
 * organization's name and logo stand beside « Sesame », its colour in a stylesheet of its own,
 * when it set them (branding/); otherwise the frame is Sesame's alone.
 */
export function Layout({ locale, t, title, path, wide, children }: PageProps) {
  const other: Locale = locale === 'fr' ? 'en' : 'fr';
  const toggleHref = selfPath(path, { lang: other });
  const { name, logo, accent } = useBranding();
  return (
    <html lang={locale === 'fr' ? 'fr-CA' : 'en-CA'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{`${title} · ${t('app.name')}`}</title>
        <link rel="stylesheet" href="/assets/sesame.css" />
        {accent === undefined ? null : <link rel="stylesheet" href={themePath(accent)} />}
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
          {name !== undefined || logo !== undefined ? (
            <span class="org-brand" data-organization>
              {logo === undefined ? null : (
                <img
                  class="org-logo"
                  src={logoPath(logo)}
                  alt={name === undefined ? t('branding.organizationLogo') : ''}
                />
              )}
              {name === undefined ? null : <span class="org-name">{name}</span>}
            </span>
          ) : null}
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

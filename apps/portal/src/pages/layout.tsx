/** The page frame shared by every page: skip link, dark blue header, main landmark, footer. */
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { type Lang, messagesFor } from '../i18n/language.ts';

export interface LayoutProps {
  lang: Lang;
  /** The page's own title; the site name is appended. */
  title: string;
  /** Path of the page, for the language switch (which comes back to it). */
  path: string;
  /** Extra header content, e.g. the signed-in client's session menu. */
  headerActions?: ComponentChildren;
  children: ComponentChildren;
}

export function Layout({ lang, title, path, headerActions, children }: LayoutProps): VNode {
  const t = messagesFor(lang).meta;
  const otherLang = t.switchLanguageLang;
  return (
    <html lang={lang === 'fr' ? 'fr-CA' : 'en-CA'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t.siteName}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/portal.css" />
      </head>
      <body>
        <a class="skip-link" href="#contenu">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="brand" href="/">
              <span class="brand__company">{t.company}</span>
              <span class="brand__site">{t.siteName}</span>
            </a>
            <div class="site-header__actions">
              <nav aria-label={t.languageNavLabel}>
                <a
                  class="lang-switch"
                  href={`${path}?lang=${otherLang}`}
                  lang={otherLang}
                  hreflang={otherLang}
                >
                  {t.switchLanguage}
                </a>
              </nav>
              {headerActions}
            </div>
          </div>
        </header>
        <main id="contenu" class="page" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{t.footerText}</p>
        </footer>
      </body>
    </html>
  );
}

/** Serialises a page; preact-render-to-string escapes every text and attribute value. */
export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

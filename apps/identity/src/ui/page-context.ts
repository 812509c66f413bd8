/**
 * Per-request page context: the language (toggle `?lang=`, then the `sesame_lang` cookie, then
 * the client's `ui_locales`, then Accept-Language; French by default) and its translator.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  isLocale,
  type Locale,
  pickLocale,
  type Translate,
  translatorFor,
} from './i18n/messages.ts';
import { selfPath } from './self-path.ts';

export const languageCookie = 'sesame_lang';

export interface PageContext {
  locale: Locale;
  t: Translate;
  nonce: string;
  /** True when the user chose the language (toggle or cookie): it then beats `ui_locales`. */
  chosen: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    page: PageContext;
  }
}

/** Use the client's `ui_locales` unless the user chose a language themselves. */
export function preferLocales(request: FastifyRequest, uiLocales: string | undefined): void {
  if (request.page.chosen || uiLocales === undefined) return;
  const locale = pickLocale(uiLocales, request.headers['accept-language']);
  request.page = { ...request.page, locale, t: translatorFor(locale) };
}

async function pageContext(app: FastifyInstance, options: { secureCookies: boolean }) {
  app.decorateRequest('page', null as unknown as PageContext);
  app.addHook('onRequest', async (request, reply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const requested = query?.lang;
    if (request.method === 'GET' && isLocale(requested) && !request.url.startsWith('/oidc')) {
      reply.setCookie(languageCookie, requested, {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        secure: options.secureCookies,
        maxAge: 365 * 24 * 3600,
      });
      return reply.redirect(selfPath(request.url), 303);
    }
    const cookie = request.cookies[languageCookie];
    const chosen = isLocale(cookie);
    const locale = chosen ? cookie : pickLocale(request.headers['accept-language']);
    request.page = { locale, t: translatorFor(locale), nonce: request.cspNonce, chosen };
  });
}

export const pageContextPlugin = fp(pageContext, {
  name: 'page-context',
  dependencies: ['security-headers', '@fastify/cookie'],
});

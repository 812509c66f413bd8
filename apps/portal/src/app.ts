/**
 * `buildPortalApp(config, deps)`: the Espace client as a Fastify instance, not listening
 * (`main.ts` listens). Every `register()` is here, in reading order: infrastructure, hooks,
 * error pages, then the routes.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { PortalConfig } from './config.ts';
import { LANG_COOKIE, languageSwitchTarget } from './i18n/language.ts';
import { createOidcClient, type PortalOidcClient } from './oidc-client.ts';
import { createPayeeBook, type PayeeBook } from './payees.ts';
import { sendErrorPage } from './request-context.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { pageRoutes } from './routes/page-routes.ts';
import { payeeRoutes } from './routes/payee-routes.ts';
import { createSecurityHeadersHook } from './security-headers.ts';
import { createSessionStore, type SessionStore, sessionCookieOptions } from './session-store.ts';

export interface PortalDeps {
  /** Clock in milliseconds (sessions, demo dates); defaults to `Date.now`. */
  now?: () => number;
  sessions?: SessionStore;
  oidc?: PortalOidcClient;
  /** The clients' payees (demo data, in memory by default). */
  payees?: PayeeBook;
  logger?: FastifyServerOptions['logger'];
}

const LANG_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function buildPortalApp(config: PortalConfig, deps: PortalDeps = {}): FastifyInstance {
  const now = deps.now ?? Date.now;
  const sessions = deps.sessions ?? createSessionStore({ now });
  const oidc = deps.oidc ?? createOidcClient(config);
  const payees = deps.payees ?? createPayeeBook();
  // Small bodies only: the forms post a CSRF token and at most a payee's name.
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: 16 * 1024 });

  app.register(fastifyCookie);
  app.register(fastifyFormbody);
  app.addHook('onSend', createSecurityHeadersHook(config));
  app.addHook('onRequest', createLanguageSwitchHook(config));
  app.setErrorHandler((error, request, reply) => handleError(error, request, reply));
  app.setNotFoundHandler((request, reply) => sendErrorPage(request, reply, 404, 'notFound'));

  app.register(pageRoutes, { config, sessions, now, payees });
  app.register(authRoutes, { config, sessions, oidc });
  app.register(payeeRoutes, { config, sessions, oidc, payees, now });
  return app;
}

/**
 * `?lang=fr|en` on any page: remember the choice in `portal_lang` and come back to the same path
 * without the parameter (other parameters kept).
 */
function createLanguageSwitchHook(config: PortalConfig) {
  const cookieOptions = {
    ...sessionCookieOptions(config.publicUrl),
    maxAge: LANG_COOKIE_MAX_AGE_SECONDS,
  };
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    // Only known pages: the 404 page must not turn arbitrary paths into redirects.
    if (request.routeOptions.url === undefined) return;
    const target = languageSwitchTarget(request.url);
    if (target === undefined) return;
    if (target.lang !== undefined) reply.setCookie(LANG_COOKIE, target.lang, cookieOptions);
    return reply.redirect(target.location, 302);
  };
}

function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  // Client errors keep their status; anything else is a 500 whose details stay in the log.
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    request.log.info({ err: error }, 'request rejected');
    return sendErrorPage(request, reply, statusCode, statusCode === 404 ? 'notFound' : 'generic');
  }
  request.log.error({ err: error }, 'request failed');
  return sendErrorPage(request, reply, 500, 'generic');
}

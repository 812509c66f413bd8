/**
 * Sign-in and sign-out through the Sesame identity server: `/login` starts the authorization code
 * flow, `/callback` finishes it and opens a fresh session, `POST /logout` ends both sessions.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import type { PortalConfig } from '../config.ts';
import { type PortalOidcClient, redirectUriOf } from '../oidc-client.ts';
import { languageOf, sendErrorPage, sessionOf } from '../request-context.ts';
import {
  isValidCsrfToken,
  SESSION_COOKIE,
  type SessionStore,
  sessionCookieOptions,
} from '../session-store.ts';

export interface AuthRoutesOptions {
  config: PortalConfig;
  sessions: SessionStore;
  oidc: PortalOidcClient;
}

export const authRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (app, options) => {
  const { config, sessions, oidc } = options;
  const cookieOptions = sessionCookieOptions(config.publicUrl);

  app.get('/login', async (request, reply) => {
    const current = sessionOf(request, sessions);
    if (current?.user !== undefined) return reply.redirect('/dashboard', 302);
    sessions.destroy(current?.id);
    const { url, preAuth } = await oidc.buildAuthorizationRequest(languageOf(request));
    // The verifier, state and nonce stay on the server, in a pre-auth session.
    const session = sessions.create({ preAuth });
    reply.setCookie(SESSION_COOKIE, session.id, cookieOptions);
    return reply.redirect(url.href, 302);
  });

  app.get('/callback', async (request, reply) => {
    const current = sessionOf(request, sessions);
    // Already signed in (a stale callback, e.g. the back button): nothing to finish.
    if (current?.user !== undefined) return reply.redirect('/dashboard', 302);
    const preAuth = current?.preAuth;
    // Single use: whatever happens next, this pre-auth session cannot be replayed.
    sessions.destroy(current?.id);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    if (preAuth === undefined) return sendErrorPage(request, reply, 400, 'sessionExpired');
    try {
      const user = await oidc.finishSignIn(callbackUrlOf(config, request), preAuth);
      // ASVS 7.2.4: a new session id at sign-in, never the pre-auth one.
      const session = sessions.create({ user });
      reply.setCookie(SESSION_COOKIE, session.id, cookieOptions);
      return reply.redirect('/dashboard', 302);
    } catch (error) {
      return rejectCallback(request, reply, error);
    }
  });

  app.post('/logout', async (request, reply) => {
    const session = sessionOf(request, sessions);
    const submitted = (request.body as Record<string, unknown> | undefined)?.csrf;
    // G-29: a state-changing POST needs the CSRF token bound to the session.
    if (session === undefined || !isValidCsrfToken(session, submitted)) {
      return sendErrorPage(request, reply, 403, 'sessionExpired');
    }
    sessions.destroy(session.id);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    const endSessionUrl = await endSessionUrlOrUndefined(request, oidc, session.user?.idToken);
    return reply.redirect(endSessionUrl?.href ?? '/', 303);
  });
};

/** The URL the issuer redirected to, rebuilt on the registered redirect URI (not on Host). */
function callbackUrlOf(config: PortalConfig, request: FastifyRequest): URL {
  const url = new URL(redirectUriOf(config));
  url.search = new URL(request.url, url).search;
  return url;
}

function rejectCallback(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): FastifyReply {
  // The issuer said no (access_denied, login_required…): the client cancelled or was refused.
  if (error instanceof client.AuthorizationResponseError) {
    request.log.info({ oidcError: error.error }, 'sign-in refused by the issuer');
    return sendErrorPage(request, reply, 400, 'signInCancelled');
  }
  request.log.warn({ err: error }, 'sign-in callback rejected');
  return sendErrorPage(request, reply, 400, 'signInFailed');
}

async function endSessionUrlOrUndefined(
  request: FastifyRequest,
  oidc: PortalOidcClient,
  idTokenHint: string | undefined,
): Promise<URL | undefined> {
  try {
    return await oidc.buildEndSessionUrl(idTokenHint);
  } catch (error) {
    // The local session is gone already; an unreachable issuer must not block the sign-out.
    request.log.warn({ err: error }, 'end-session URL unavailable');
    return undefined;
  }
}

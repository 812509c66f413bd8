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
  addPreAuth,
  isValidCsrfToken,
  SESSION_COOKIE,
  type SessionStore,
  sessionCookieOptions,
  takePreAuth,
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
    const { url, preAuth } = await oidc.buildAuthorizationRequest(languageOf(request));
    // The verifier, state and nonce stay on the server, in a pre-auth session; a sign-in started
    // in another tab of this browser stays valid beside this one (G-45).
    if (current !== undefined) {
      addPreAuth(current, preAuth);
      return reply.redirect(url.href, 302);
    }
    const session = sessions.create({ preAuth });
    reply.setCookie(SESSION_COOKIE, session.id, cookieOptions);
    return reply.redirect(url.href, 302);
  });

  app.get('/callback', async (request, reply) => {
    const current = sessionOf(request, sessions);
    // Already signed in (a stale callback, e.g. the back button): nothing to finish.
    if (current?.user !== undefined) return reply.redirect('/dashboard', 302);
    const waiting = current !== undefined && current.preAuths.length > 0;
    // Single use: whatever happens next, this sign-in's state, nonce and verifier are gone.
    const preAuth = takePreAuth(current, (request.query as Record<string, unknown>).state);
    if (current !== undefined && current.preAuths.length === 0) {
      sessions.destroy(current.id);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
    }
    // A state this browser never sent is not a sign-in of ours (CSRF on the callback).
    if (preAuth === undefined)
      return sendErrorPage(request, reply, 400, waiting ? 'signInFailed' : 'sessionExpired');
    try {
      const user = await oidc.finishSignIn(callbackUrlOf(config, request), preAuth);
      // ASVS 7.2.4: a new session id at sign-in, never the pre-auth one (the other tabs'
      // sign-ins in progress end with it: this browser is signed in now).
      sessions.destroy(current?.id);
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

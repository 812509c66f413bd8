/** Small helpers shared by the route plugins: the request's language and session, page replies. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { LANG_COOKIE, type Lang, resolveLanguage } from './i18n/language.ts';
import { ErrorPage, type ErrorReason } from './pages/error-page.tsx';
import { renderPage } from './pages/layout.tsx';
import { type PortalSession, SESSION_COOKIE, type SessionStore } from './session-store.ts';

export function languageOf(request: FastifyRequest): Lang {
  return resolveLanguage(request.cookies[LANG_COOKIE], request.headers['accept-language']);
}

export function sessionOf(
  request: FastifyRequest,
  sessions: SessionStore,
): PortalSession | undefined {
  return sessions.get(request.cookies[SESSION_COOKIE]);
}

export function sendPage(reply: FastifyReply, page: VNode, statusCode = 200): FastifyReply {
  return reply.code(statusCode).type('text/html; charset=utf-8').send(renderPage(page));
}

export function sendErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  statusCode: number,
  reason: ErrorReason,
): FastifyReply {
  return sendPage(reply, ErrorPage({ lang: languageOf(request), reason }), statusCode);
}

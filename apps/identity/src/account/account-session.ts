/**
 * The signed-in account of the security page's requests, and the CSRF binding of its forms
 * (G-29): an HMAC of the provider session's uid, a value only this browser's session names.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { type SessionLogin, sessionLogin } from '../oidc/session-account.ts';
import { csrfToken, isCsrfSafe } from '../security/csrf.ts';
import type { AccountPagesOptions } from './remove-method-routes.tsx';

const binding = (login: SessionLogin) => `account:${login.sessionUid}`;

/** The session's form token: every form of the security page carries it. */
export function accountCsrf(options: AccountPagesOptions, login: SessionLogin): string {
  return csrfToken(options.csrfKey, binding(login));
}

/**
 * A POST of the security page: the session's account, its form token checked. Signed out: none
 * (the caller sends to /account, which says how to sign in).
 */
export async function accountPost(
  options: AccountPagesOptions,
  request: FastifyRequest<{ Body: { csrf?: string } }>,
  reply: FastifyReply,
): Promise<SessionLogin | undefined> {
  const login = await sessionLogin(options.provider, request.raw, reply.raw);
  if (login === undefined) return undefined;
  const safe = isCsrfSafe(request, {
    key: options.csrfKey,
    binding: binding(login),
    publicOrigin: options.publicOrigin,
    token: request.body.csrf,
  });
  if (!safe) throw new AppError('request.csrf');
  return login;
}

/** Where the request came from, for an account operation's audit record. */
export function requestOrigin(request: FastifyRequest) {
  return {
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    requestId: request.id,
  };
}

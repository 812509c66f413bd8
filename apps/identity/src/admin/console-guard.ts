/**
 * The console's one gate (DESIGN.md: a Fastify context per audience), run before every route the
 * console registers, so that a new route cannot forget it:
 * - a provider session signed in with two factors, or the browser is sent to sign in (a GET) or
 *   refused (anything else);
 * - an account, not locked, whose role covers the route's (`config.adminRole`, `admin` when a
 *   route names none: refused unless granted);
 * - for a form, its token: an HMAC of the provider session's uid (G-29).
 * The role is read from the database at every request: a role taken away holds at once.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type Provider from 'oidc-provider';
import { findAccountById } from '../accounts/queries.ts';
import type { AdminRole, Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { sessionLogin } from '../oidc/session-account.ts';
import { csrfToken, isCsrfSafe } from '../security/csrf.ts';
import { consoleAcr, consolePaths } from './console-client.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The role a console route needs; absent: `admin`. */
    adminRole?: AdminRole;
  }
  interface FastifyRequest {
    /** The administrator of a console request (console-guard.ts). */
    admin: ConsoleAdmin;
  }
}

export interface ConsoleAdmin {
  accountId: string;
  username: string;
  role: AdminRole;
  /** The token every console form carries. */
  csrf: string;
}

export interface ConsoleGuardOptions {
  provider: Provider;
  db: Kysely<Database>;
  csrfKey: Buffer;
  publicOrigin: string;
}

/** `admin` may do everything; `helpdesk`, what a route opens to the help desk. */
export function roleAllows(role: AdminRole | null, needed: AdminRole): boolean {
  return role === 'admin' || (role !== null && role === needed);
}

export function consoleGuard(options: ConsoleGuardOptions) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const login = await sessionLogin(options.provider, request.raw, reply.raw);
    // Two factors, always: a session of one factor signs in again, asking for two.
    if (login === undefined || login.acr !== consoleAcr) {
      if (request.method !== 'GET') throw new AppError('admin.forbidden');
      await reply.redirect(`${consolePaths.signIn}?return=${encodeURIComponent(request.url)}`, 303);
      return;
    }
    const account = await findAccountById(options.db, login.accountId);
    const needed = request.routeOptions.config.adminRole ?? 'admin';
    if (account === undefined || account.locked === 1 || !roleAllows(account.role, needed))
      throw new AppError('admin.forbidden');
    const binding = `admin:${login.sessionUid}`;
    request.admin = {
      accountId: account.id,
      username: account.username,
      role: account.role as AdminRole,
      csrf: csrfToken(options.csrfKey, binding),
    };
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const token = (request.body as { csrf?: unknown } | undefined)?.csrf;
    const safe = isCsrfSafe(request, {
      key: options.csrfKey,
      binding,
      publicOrigin: options.publicOrigin,
      token,
    });
    if (!safe) throw new AppError('request.csrf');
  };
}

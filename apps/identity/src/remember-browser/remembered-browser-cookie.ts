/**
 * The remembered browser's cookie: its random token (32 bytes from the CSPRNG), HttpOnly, Secure,
 * SameSite=Lax, sent only to the sign-in's pages (/interaction). The database keeps its SHA-256
 * only (queries.ts); the token means something only for the account it was made for, until it
 * expires or is revoked.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { describeUserAgent } from '../factors/push/describe-user-agent.ts';
import type { CookiePolicy } from '../security/cookies.ts';
import { insertRememberedBrowser } from './queries.ts';

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function rememberedBrowserCookie(cookies: CookiePolicy) {
  return cookies.scoped('sesame-remember', '/interaction');
}

/** This browser's token, if it sends a well-formed one. */
export function readRememberedBrowserToken(
  request: FastifyRequest,
  cookies: CookiePolicy,
): string | undefined {
  const value = request.cookies[rememberedBrowserCookie(cookies).name];
  return value !== undefined && tokenPattern.test(value) ? value : undefined;
}

/** Remember this browser for `accountId` for `days`: a new row and the cookie naming it. */
export async function rememberThisBrowser(
  db: Kysely<Database>,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { cookies: CookiePolicy; accountId: string; days: number; nowMs: number },
): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const ttlSeconds = input.days * 86_400;
  const { browser, system } = describeUserAgent(request.headers['user-agent']);
  await insertRememberedBrowser(db, {
    id: randomUUID(),
    accountId: input.accountId,
    token,
    browser,
    system,
    nowMs: input.nowMs,
    expiresAt: input.nowMs + ttlSeconds * 1000,
  });
  const cookie = rememberedBrowserCookie(input.cookies);
  reply.setCookie(cookie.name, token, cookie.options(ttlSeconds));
}

/**
 * The proof a step-up leaves in this browser (ADR 0005): a cookie sent to the account's pages only,
 * naming the finished step-up and holding its token (stored hashed). It proves, for five minutes
 * from the second factor passed, that this browser's signed-in account passed one (G-23) — until
 * an account operation (lock, new password, MFA reset) ends the account's flows, and it with them.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { CookiePolicy } from '../security/cookies.ts';
import { opaqueIdPattern } from '../sign-in/interaction-params.ts';
import { findFlow } from '../sign-in/queries.ts';

/** How long a second factor counts as fresh for a sensitive change (G-23). */
export const freshSecondFactorMs = 5 * 60_000;

export function stepUpProofCookie(cookies: CookiePolicy) {
  return cookies.scoped('sesame-step-up', '/account');
}

export function writeStepUpProof(
  reply: FastifyReply,
  cookies: CookiePolicy,
  proof: { id: string; token: string; expiresAt: number; nowMs: number },
): void {
  const cookie = stepUpProofCookie(cookies);
  const maxAgeSeconds = Math.max(1, Math.floor((proof.expiresAt - proof.nowMs) / 1000));
  reply.setCookie(cookie.name, `${proof.id}.${proof.token}`, cookie.options(maxAgeSeconds));
}

/**
 * The step-up this browser finished for `accountId` with a second factor of the last five minutes,
 * for `purpose` — the page of the one change it was asked for (G-23: purpose-bound) — if any: its
 * token is the binding of that page's form (CSRF).
 */
export async function freshStepUp(
  db: Kysely<Database>,
  request: FastifyRequest,
  cookies: CookiePolicy,
  accountId: string,
  nowMs: number,
  purpose: string,
): Promise<{ id: string; token: string } | undefined> {
  const value = request.cookies[stepUpProofCookie(cookies).name] ?? '';
  const [id, token, ...rest] = value.split('.');
  if (id === undefined || token === undefined || rest.length > 0) return undefined;
  if (!new RegExp(opaqueIdPattern).test(id)) return undefined;
  const flow = await findFlow(db, { id, host: 'account', finished: true }, token, nowMs);
  if (flow === undefined || flow.accountId !== accountId || flow.finishedAt === null)
    return undefined;
  if (flow.returnTo !== purpose) return undefined;
  return flow.finishedAt >= nowMs - freshSecondFactorMs ? { id, token } : undefined;
}

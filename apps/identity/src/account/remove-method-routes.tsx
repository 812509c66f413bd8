/**
 * Removing one of the account's methods from its security page (G-23): only with a second factor
 * passed in the last five minutes — the session's own, or a step-up's (ADR 0005) — and a form
 * bound to that proof. The removal is the account operation, with the user as its actor.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type Provider from 'oidc-provider';
import { type Static, Type } from 'typebox';
import { removeAuthenticator } from '../accounts/operations/remove-authenticator.ts';
import type { Argon2Params, PasswordHasher } from '../accounts/password-hasher.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { findAuthenticator, listActiveAuthenticators } from '../factors/authenticator-queries.ts';
import { describeAuthenticator } from '../factors/describe-authenticator.ts';
import { isBackup } from '../factors/index.ts';
import { sessionAccountId } from '../oidc/session-account.ts';
import type { AttemptLimiter } from '../security/attempt-limiter.ts';
import type { CookiePolicy } from '../security/cookies.ts';
import { csrfToken, isCsrfSafe } from '../security/csrf.ts';
import { opaqueIdPattern } from '../sign-in/interaction-params.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { RemoveMethodPage } from './remove-method-page.tsx';
import { freshStepUp } from './step-up-proof.ts';

const MethodParams = Type.Object({ id: Type.String({ pattern: opaqueIdPattern }) });
const CsrfBody = Type.Object({ csrf: Type.Optional(Type.String({ maxLength: 128 })) });

export interface AccountPagesOptions {
  provider: Provider;
  db: Kysely<Database>;
  now: () => number;
  cookies: CookiePolicy;
  csrfKey: Buffer;
  publicOrigin: string;
  /** The password hash's cost (the methods whose secrets are hashed like passwords). */
  argon2: Argon2Params;
  /** The security page's « Changer le mot de passe »: the current one checked like a sign-in's. */
  hasher: PasswordHasher;
  limiter: AttemptLimiter;
}

export async function removeMethodRoutes(app: FastifyInstance, options: AccountPagesOptions) {
  const { db, now } = options;
  const pagePath = (id: string) => `/account/methods/${id}/remove`;

  /** The signed-in account, its method `id`, and the proof of a fresh second factor, if any. */
  async function locate(request: FastifyRequest, reply: FastifyReply, id: string) {
    const accountId = await sessionAccountId(options.provider, request.raw, reply.raw);
    if (accountId === undefined) return undefined;
    const method = await findAuthenticator(db, accountId, id);
    if (method === undefined || method.status !== 'active') return undefined;
    // A proof for this removal only (G-23: purpose-bound), not for another method's.
    const proof = await freshStepUp(db, request, options.cookies, accountId, now(), pagePath(id));
    return { accountId, method, proof };
  }
  const stepUp = (reply: FastifyReply, id: string) =>
    reply.redirect(`/account/step-up?return=${encodeURIComponent(pagePath(id))}`, 303);

  app.get<{ Params: Static<typeof MethodParams> }>(
    '/account/methods/:id/remove',
    { schema: { params: MethodParams } },
    async (request, reply) => {
      const found = await locate(request, reply, request.params.id);
      if (found === undefined) return reply.redirect('/account', 303);
      if (found.proof === undefined) return stepUp(reply, request.params.id);
      const active = await listActiveAuthenticators(db, found.accountId);
      const page = (
        <RemoveMethodPage
          {...pageBase(request)}
          action={pagePath(found.method.id)}
          csrf={csrfToken(options.csrfKey, found.proof.token)}
          method={describeAuthenticator(request.page.t, found.method)}
          // The last method that is an enrollment (recovery codes beside it are not one).
          last={
            !isBackup(found.method.kind) &&
            active.filter((method) => !isBackup(method.kind)).length === 1
          }
        />
      );
      return sendPage(reply, page);
    },
  );

  app.post<{ Params: Static<typeof MethodParams>; Body: Static<typeof CsrfBody> }>(
    '/account/methods/:id/remove',
    { schema: { params: MethodParams, body: CsrfBody } },
    async (request, reply) => {
      const found = await locate(request, reply, request.params.id);
      if (found === undefined) return reply.redirect('/account', 303);
      // The proof expired while the page was open: verify again, then confirm again.
      if (found.proof === undefined) return stepUp(reply, request.params.id);
      const safe = isCsrfSafe(request, {
        key: options.csrfKey,
        binding: found.proof.token,
        publicOrigin: options.publicOrigin,
        token: request.body.csrf,
      });
      if (!safe) throw new AppError('request.csrf');
      await removeAuthenticator(
        options,
        { kind: 'user', accountId: found.accountId },
        {
          accountId: found.accountId,
          authenticatorId: found.method.id,
          reason: found.method.kind,
          origin: {
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
            requestId: request.id,
          },
        },
      );
      return reply.redirect('/account?removed=1', 303);
    },
  );
}

/**
 * Starting a step-up (ADR 0005): `GET /account/step-up?return=/account/…` from a page of the signed-in
 * account that needs a fresh second factor. The new flow holds the steps the session already
 * passed, each with its time: a second factor of the last five minutes counts, an older one does
 * not. The flow's own page sends to the step it is at (the steps' routes are those of a sign-in,
 * registered under /account/step-up/:uid), or finishes.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type Provider from 'oidc-provider';
import { type Static, Type } from 'typebox';
import { findAccountById } from '../accounts/queries.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { sessionLogin } from '../oidc/session-account.ts';
import type { CookiePolicy } from '../security/cookies.ts';
import type { PassedStep } from '../sign-in/flow.ts';
import { InteractionParams } from '../sign-in/interaction-params.ts';
import { startStepUp } from '../sign-in/queries.ts';
import { flowTtlSeconds, type StepKit } from '../sign-in/step-kit.ts';
import { selfPath } from '../ui/self-path.ts';
import { addMethodReturn, stepUpBase } from './step-up-host.ts';
import { freshSecondFactorMs, freshStepUp } from './step-up-proof.ts';

const StartQuery = Type.Object({ return: Type.Optional(Type.String({ maxLength: 512 })) });

export interface StepUpRoutesOptions {
  kit: StepKit;
  provider: Provider;
  db: Kysely<Database>;
  now: () => number;
  cookies: CookiePolicy;
}

/** Where a step-up may return: a page of the account, as a parsed same-origin path. */
export function stepUpReturn(target: string | undefined): string {
  const path = selfPath(target ?? '/account');
  return path === '/account' || path.startsWith('/account/') || path.startsWith('/account?')
    ? path
    : '/account';
}

export async function stepUpRoutes(app: FastifyInstance, options: StepUpRoutesOptions) {
  const { kit, db, now } = options;

  app.get<{ Querystring: Static<typeof StartQuery> }>(
    '/account/step-up',
    { schema: { querystring: StartQuery } },
    async (request, reply) => {
      const returnTo = stepUpReturn(request.query.return);
      const login = await sessionLogin(options.provider, request.raw, reply.raw);
      if (login === undefined) return reply.redirect('/account', 303);
      // Already fresh: nothing to ask (but a method to add is always enrolled by a step-up).
      const adding = returnTo === addMethodReturn;
      if (
        !adding &&
        (await freshStepUp(db, request, options.cookies, login.accountId, now(), returnTo))
      )
        return reply.redirect(returnTo, 303);
      // What the session passed, when: its password always; its second factor only if fresh,
      // and not older than the last time methods were taken away (it may have been one of them).
      const account = await findAccountById(db, login.accountId);
      const changedAt = account?.methods_changed_at ?? null;
      const fresh =
        login.at >= now() - freshSecondFactorMs && (changedAt === null || changedAt < login.at);
      const secondFactors = login.amr.filter((method) => method !== 'pwd');
      const stepsDone: PassedStep[] = [{ step: 'password', amr: ['pwd'], at: login.at }];
      if (fresh && secondFactors.length > 0)
        stepsDone.push({ step: 'mfa', amr: secondFactors, at: login.at });
      const id = randomBytes(16).toString('base64url');
      const token = randomBytes(32).toString('base64url');
      await startStepUp(db, {
        id,
        token,
        accountId: login.accountId,
        stepsDone,
        returnTo,
        nowMs: now(),
        ttlSeconds: flowTtlSeconds,
      });
      const cookie = kit.flowCookie(stepUpBase(id));
      reply.setCookie(cookie.name, token, cookie.options(flowTtlSeconds));
      return reply.redirect(stepUpBase(id), 303);
    },
  );

  app.get<{ Params: Static<typeof InteractionParams> }>(
    '/account/step-up/:uid',
    { schema: { params: InteractionParams } },
    async (request, reply) => {
      const hosted = await kit.host.open(request, reply);
      const current = await kit.currentFlow(request, hosted);
      if (current === undefined) throw kit.expired(hosted);
      const moved = await kit.resume(request, reply, hosted, current.flow);
      // A step-up starts past the password: its session passed it.
      if (moved === undefined)
        throw new AppError('sign_in.flow_expired', { restartUrl: '/account' });
      return moved;
    },
  );
}

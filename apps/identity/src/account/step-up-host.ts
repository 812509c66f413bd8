/**
 * The steps' host for the signed-in account's own pages (ADR 0005): before a sensitive change, the
 * account's session runs the same steps as a sign-in — a second factor, or a first enrollment —
 * always asking two factors, and returns to the page that asked, leaving a five-minute proof
 * (step-up-proof.ts). The session must still be that account's at every step.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type Provider from 'oidc-provider';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { sessionLogin } from '../oidc/session-account.ts';
import type { CookiePolicy } from '../security/cookies.ts';
import { deleteFlow, findStepUpReturn, finishStepUp } from '../sign-in/queries.ts';
import type { StepHost } from '../sign-in/step-host.ts';
import { freshSecondFactorMs, writeStepUpProof } from './step-up-proof.ts';

/** Where a step-up's pages live. */
export const stepUpBase = (id: string) => `/account/step-up/${id}`;

/**
 * The return of the security page's « Ajouter une méthode »: a step-up asked for it enrolls a
 * method after its second factor (the step-9 list), then comes back to say it was added.
 */
export const addMethodReturn = '/account?added=1';

export interface StepUpHostOptions {
  provider: Provider;
  db: Kysely<Database>;
  now: () => number;
  cookies: CookiePolicy;
}

export function createStepUpHost(options: StepUpHostOptions): StepHost {
  const { db, now } = options;
  return {
    kind: 'account',
    restartUrl: '/account',
    async open(request, reply) {
      const login = await sessionLogin(options.provider, request.raw, reply.raw);
      // Signed out (or signed in as someone else) since: this step-up is over.
      if (login === undefined)
        throw new AppError('sign_in.flow_expired', { restartUrl: '/account' });
      const { uid } = request.params as { uid: string };
      const returnTo = await findStepUpReturn(db, uid);
      return {
        id: uid,
        base: stepUpBase(uid),
        demands: { twoFactors: true, addMethod: returnTo === addMethodReturn },
        clientId: null,
        clientName: async () => null,
        formTargets: [],
        accountId: login.accountId,
        restartUrl: '/account',
      };
    },
    async finish(_request, reply, _hosted, flow, result) {
      const returnTo = flow.returnTo ?? '/account';
      // Done without a second factor (the account had none and enrolled one by its QR code):
      // nothing to prove; the page that asked decides again.
      if (result.secondFactorAt === undefined) {
        if (!(await deleteFlow(db, flow.id))) return false;
        return reply.redirect(returnTo, 303);
      }
      const token = randomBytes(32).toString('base64url');
      const expiresAt = result.secondFactorAt + freshSecondFactorMs;
      const finished = await finishStepUp(db, {
        id: flow.id,
        token,
        factorAt: result.secondFactorAt,
        expiresAt,
      });
      if (!finished) return false;
      writeStepUpProof(reply, options.cookies, { id: flow.id, token, expiresAt, nowMs: now() });
      return reply.redirect(returnTo, 303);
    },
  };
}

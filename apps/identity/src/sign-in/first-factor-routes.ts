/**
 * The methods that sign in without the password (a passkey with user verification, factors/
 * `firstFactor`): their routes under `/interaction/:uid`, at the flow's password step, and what
 * the sign-in page offers beside the password form. Names no method: the registry says which.
 * A method the MFA policy does not allow is neither offered nor accepted here (ADR 0013).
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import type { FactorDeps, SignInOffer } from '../factors/factor.ts';
import { factors } from '../factors/index.ts';
import { methodAllowed, readMfaPolicy } from '../policy/mfa-policy-settings.ts';
import type { Translate } from '../ui/i18n/messages.ts';
import { InteractionParams } from './interaction-params.ts';

export type SignInOffers = (
  flow: { id: string; base: string },
  t: Translate,
) => Promise<SignInOffer[]>;

export async function firstFactorRoutes(
  app: FastifyInstance,
  { deps }: { deps: FactorDeps },
): Promise<void> {
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, params: InteractionParams };
  });
  for (const factor of factors) {
    const signIn = factor.firstFactor;
    if (signIn === undefined) continue;
    await app.register(async (scoped) => {
      scoped.addHook('preValidation', async () => {
        if (!methodAllowed((await readMfaPolicy(deps.db)).methods, factor.kind))
          throw new AppError('enroll.method_not_allowed');
      });
      await scoped.register(signIn.routes, deps);
    });
  }
}

/** What the sign-in page of a flow offers, each method asked in the registry's order. */
export function signInOffers(deps: FactorDeps): SignInOffers {
  return async (flow, t) => {
    const offers: SignInOffer[] = [];
    const { methods } = await readMfaPolicy(deps.db);
    for (const factor of factors) {
      if (!methodAllowed(methods, factor.kind)) continue;
      const offer = await factor.firstFactor?.offer(deps, flow, t);
      if (offer !== undefined) offers.push(offer);
    }
    return offers;
  };
}

/**
 * The methods that sign in without the password (a passkey with user verification, factors/
 * `firstFactor`): their routes under `/interaction/:uid`, at the flow's password step, and what
 * the sign-in page offers beside the password form. Names no method: the registry says which.
 */
import type { FastifyInstance } from 'fastify';
import type { FactorDeps, SignInOffer } from '../factors/factor.ts';
import { factors } from '../factors/index.ts';
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
  for (const factor of factors)
    if (factor.firstFactor !== undefined) await app.register(factor.firstFactor.routes, deps);
}

/** What the sign-in page of a flow offers, each method asked in the registry's order. */
export function signInOffers(deps: FactorDeps): SignInOffers {
  return async (flow, t) => {
    const offers: SignInOffer[] = [];
    for (const factor of factors) {
      const offer = await factor.firstFactor?.offer(deps, flow, t);
      if (offer !== undefined) offers.push(offer);
    }
    return offers;
  };
}

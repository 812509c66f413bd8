/**
 * The recovery codes on the security page: how many are left (a warning at three or fewer), and
 * « Générer de nouveaux codes » — only with a second factor of the last five minutes for this very
 * page (G-18, G-23: the step-up, purpose-bound), by a form bound to that proof. The new set
 * replaces the old in one transaction with its audit event.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { pageBase, sendPage } from '../../ui/render-page.ts';
import type { AccountPageDeps, FactorAccountPages } from '../factor.ts';
import { recoveryCodesLow } from './recovery-code.ts';
import { countUnusedRecoveryCodes, findRecoveryCodeSet } from './recovery-code-queries.ts';
import { RecoveryCodesOfferPage } from './recovery-codes-pages.tsx';
import { showNewRecoveryCodes } from './show-recovery-codes.tsx';

const CsrfBody = Type.Object({ csrf: Type.Optional(Type.String({ maxLength: 128 })) });
const pagePath = '/account/recovery-codes';

async function accountRoutes(app: FastifyInstance, deps: AccountPageDeps): Promise<void> {
  /** The signed-in account and its proof of a fresh second factor for this page, if any. */
  async function locate(request: FastifyRequest, reply: FastifyReply) {
    const accountId = await deps.signedIn(request, reply);
    if (accountId === undefined) return undefined;
    return { accountId, proof: await deps.freshProof(request, accountId, pagePath) };
  }
  const stepUp = (reply: FastifyReply) =>
    reply.redirect(`/account/step-up?return=${encodeURIComponent(pagePath)}`, 303);

  app.get(pagePath, async (request, reply) => {
    const found = await locate(request, reply);
    if (found === undefined) return reply.redirect('/account', 303);
    if (found.proof === undefined) return stepUp(reply);
    const set = await findRecoveryCodeSet(deps.db, found.accountId);
    const page = (
      <RecoveryCodesOfferPage
        {...pageBase(request)}
        action={pagePath}
        csrf={deps.csrf(found.proof.token)}
        remaining={set === undefined ? undefined : await countUnusedRecoveryCodes(deps.db, set.id)}
        backHref="/account"
      />
    );
    return sendPage(reply, page);
  });

  app.post<{ Body: Static<typeof CsrfBody> }>(
    pagePath,
    { schema: { body: CsrfBody } },
    async (request, reply) => {
      const found = await locate(request, reply);
      if (found === undefined) return reply.redirect('/account', 303);
      // The proof expired while the page was open: verify again, then confirm again.
      if (found.proof === undefined) return stepUp(reply);
      if (!deps.csrfSafe(request, found.proof.token, request.body.csrf))
        throw new AppError('request.csrf');
      return showNewRecoveryCodes(deps, request, reply, {
        accountId: found.accountId,
        flowId: null,
        continueHref: '/account',
      });
    },
  );
}

export const recoveryCodesAccountPages: FactorAccountPages = {
  routes: accountRoutes,
  async summary(deps, authenticator, t) {
    const remaining = await countUnusedRecoveryCodes(deps.db, authenticator.id);
    const count = String(remaining);
    return {
      note: t('recoveryCodes.remaining', { count }),
      ...(recoveryCodesLow(remaining)
        ? { warning: t('recoveryCodes.lowOnAccount', { count }) }
        : {}),
      actions: [{ href: pagePath, label: t('recoveryCodes.regenerate') }],
    };
  },
  offer: { href: pagePath, label: 'recoveryCodes.generateMine' },
};

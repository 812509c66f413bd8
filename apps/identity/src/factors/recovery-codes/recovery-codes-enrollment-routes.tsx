/**
 * Step 9's offer (the configuration page's « Codes de récupération » section): once this flow
 * has enrolled a method of its own, « Générer mes codes » makes the account's codes and shows them
 * once; « Continuer » comes back to the configuration page. Never before a method: codes are no
 * enrollment (factors/factor.ts `backup`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { FlowContext } from '../../sign-in/step-kit.ts';
import { pageBase, sendPage } from '../../ui/render-page.ts';
import { listFlowAuthenticators } from '../authenticator-queries.ts';
import type { FactorDeps } from '../factor.ts';
import { isBackup } from '../index.ts';
import { RecoveryCodesOfferPage } from './recovery-codes-pages.tsx';
import { showNewRecoveryCodes } from './show-recovery-codes.tsx';

const CsrfBody = Type.Object({ csrf: Type.Optional(Type.String({ maxLength: 128 })) });
const slug = 'recovery-codes';

export async function recoveryCodesEnrollmentRoutes(
  app: FastifyInstance,
  deps: FactorDeps,
): Promise<void> {
  const { kit, db } = deps;
  const path = (context: FlowContext) => `${context.base}/enroll/${slug}`;

  /** Whether this flow enrolled a method (not a backup) of its own. */
  async function enrolledOne(context: FlowContext): Promise<boolean> {
    const own = await listFlowAuthenticators(db, context.accountId, context.flow.id);
    return own.some((authenticator) => !isBackup(authenticator.kind));
  }

  app.get(`/enroll/${slug}`, async (request: FastifyRequest, reply) => {
    const context = await kit.flowAt(request, reply, 'enroll');
    if (!(await enrolledOne(context))) return reply.redirect(`${context.base}/enroll`, 303);
    kit.allowFormTargets(request, reply, context.hosted);
    const page = (
      <RecoveryCodesOfferPage
        {...pageBase(request)}
        action={path(context)}
        csrf={kit.csrf(context.token)}
        remaining={undefined}
        backHref={`${context.base}/enroll/done`}
      />
    );
    return sendPage(reply, page);
  });

  app.post<{ Body: Static<typeof CsrfBody> }>(
    `/enroll/${slug}`,
    { schema: { body: CsrfBody } },
    async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'enroll', { token: request.body.csrf });
      if (!(await enrolledOne(context))) return reply.redirect(`${context.base}/enroll`, 303);
      return showNewRecoveryCodes(deps, request, reply, {
        accountId: context.accountId,
        flowId: context.flow.id,
        continueHref: `${context.base}/enroll/done?added=${slug}`,
      });
    },
  );
}

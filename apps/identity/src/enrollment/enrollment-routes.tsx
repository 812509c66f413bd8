/**
 * The enrollment step of a sign-in (the guide's steps 3 and 9): choose a method, then — after the
 * method's own pages — the configuration page, whose « Terminer » ends the step. Each method's
 * pages come from its folder under factors/, registered here from the registry.
 */
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { listFlowAuthenticators } from '../factors/authenticator-queries.ts';
import { describeAuthenticator } from '../factors/describe-authenticator.ts';
import type { FactorDeps } from '../factors/factor.ts';
import { factorOfKind, factors, isBackup, satisfiesMfa } from '../factors/index.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { ChoosePage } from './choose-page.tsx';
import { ConfigurationPage } from './configuration-page.tsx';

const DoneQuery = Type.Object({ added: Type.Optional(Type.String({ maxLength: 32 })) });
const CsrfBody = Type.Object({ csrf: Type.Optional(Type.String({ maxLength: 128 })) });

export async function enrollmentRoutes(app: FastifyInstance, deps: FactorDeps): Promise<void> {
  const { kit, db } = deps;

  app.get('/enroll', async (request, reply) => {
    const { base, standing, demands } = await kit.flowAt(request, reply, 'enroll');
    // A backup method (recovery codes) is offered at the end of an enrollment, never as its start;
    // one that does not satisfy "MFA required" (an email code) only beside one that does (G-17).
    const strong = (standing?.activeMethods.length ?? 0) > 0;
    const first = offered(deps).filter(
      (factor) => factor.backup !== true && (factor.satisfiesMfa || strong),
    );
    const adding = demands.addMethod === true;
    const page = <ChoosePage {...pageBase(request)} base={base} factors={first} adding={adding} />;
    return sendPage(reply, page);
  });

  app.get<{ Querystring: Static<typeof DoneQuery> }>(
    '/enroll/done',
    { schema: { querystring: DoneQuery } },
    async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'enroll');
      const active = await listFlowAuthenticators(db, context.accountId, context.flow.id);
      if (!active.some((a) => !isBackup(a.kind)))
        return reply.redirect(`${context.base}/enroll`, 303);
      const configured = active.map((a) => ({
        id: a.id,
        description: describeAuthenticator(request.page.t, a),
      }));
      const kinds = new Set(active.map((authenticator) => authenticator.kind));
      kit.allowFormTargets(request, reply, context.hosted);
      const page = (
        <ConfigurationPage
          {...pageBase(request)}
          base={context.base}
          csrf={kit.csrf(context.token)}
          configured={configured}
          others={offered(deps).filter((factor) => !kinds.has(factor.kind))}
          added={factors.find((factor) => factor.slug === request.query.added)}
        />
      );
      return sendPage(reply, page);
    },
  );

  app.post<{ Body: Static<typeof CsrfBody> }>(
    '/enroll/done',
    { schema: { body: CsrfBody } },
    async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'enroll', { token: request.body.csrf });
      // « Terminer » ends enrollment only with a method this flow enrolled (G-22, G-40).
      // A backup method (recovery codes) made here is no enrollment, and proves nothing.
      const own = (await listFlowAuthenticators(db, context.accountId, context.flow.id)).filter(
        (authenticator) => !isBackup(authenticator.kind),
      );
      if (own.length === 0) return reply.redirect(`${context.base}/enroll`, 303);
      // A method confirmed by typing its code proves possession (otp); a device registered from
      // the QR code shown on this screen does not, by itself (docs/security.md).
      // A passkey's registration proves no factor (G-21): its method says so.
      const byCode = own.filter(
        (authenticator) =>
          authenticator.device_id === null &&
          satisfiesMfa(authenticator.kind) &&
          factorOfKind(authenticator.kind)?.enrollmentProvesNothing !== true,
      );
      // The code was proved when it was typed, not at « Terminer » (a step-up's freshness, G-23).
      const typedAt = Math.max(...byCode.map((a) => Number(a.activated_at ?? a.created_at)));
      return kit.completeStep(request, reply, context, {
        step: 'enroll',
        amr: byCode.length > 0 ? ['otp'] : [],
        accountId: context.accountId,
        ...(byCode.length > 0 ? { at: typedAt } : {}),
      });
    },
  );

  for (const factor of factors) await app.register(factor.enrollmentRoutes, deps);
}

/** The methods this configuration can run (SMS needs a provider). */
/** The methods its owner may enroll here: available, and not issued by the help desk. */
function offered(deps: FactorDeps) {
  return factors.filter((factor) => factor.issued !== true && (factor.available?.(deps) ?? true));
}

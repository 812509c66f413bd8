/**
 * The enrollment step of a sign-in (the guide's steps 3 and 9): choose a method, then — after the
 * method's own pages — the configuration page, whose « Terminer » ends the step. Each method's
 * pages come from its folder under factors/, registered here from the registry.
 */
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { AppError } from '../errors.ts';
import { listFlowAuthenticators } from '../factors/authenticator-queries.ts';
import { describeAuthenticator } from '../factors/describe-authenticator.ts';
import type { FactorDeps } from '../factors/factor.ts';
import { factorOfKind, factors, isBackup, satisfiesMfa } from '../factors/index.ts';
import { startGrace } from '../policy/mfa-grace.ts';
import { type MethodRule, methodAllowed, readMfaPolicy } from '../policy/mfa-policy-settings.ts';
import { enrollmentDeferrable } from '../sign-in/flow.ts';
import type { FlowContext } from '../sign-in/step-kit.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { ChoosePage } from './choose-page.tsx';
import { ConfigurationPage } from './configuration-page.tsx';

const DoneQuery = Type.Object({ added: Type.Optional(Type.String({ maxLength: 32 })) });
const CsrfBody = Type.Object({ csrf: Type.Optional(Type.String({ maxLength: 128 })) });

export async function enrollmentRoutes(app: FastifyInstance, deps: FactorDeps): Promise<void> {
  const { kit, db } = deps;

  app.get('/enroll', async (request, reply) => {
    const context = await kit.flowAt(request, reply, 'enroll');
    const { base, standing, demands } = context;
    // The first sign-in that finds enrollment deferrable begins the account's grace (once); a
    // grace not begun yet was read as beginning now, so what was read stands.
    const grace = standing?.grace !== undefined && deferrable(context) ? standing.grace : undefined;
    if (grace !== undefined) {
      await startGrace(db, context.accountId, deps.now());
      // « Plus tard » ends the sign-in: its redirect goes on to the application (form-action).
      kit.allowFormTargets(request, reply, context.hosted);
    }
    const { methods } = await readMfaPolicy(db);
    // A backup method (recovery codes) is offered at the end of an enrollment, never as its start;
    // one that does not satisfy "MFA required" (an email code) only beside one that does (G-17).
    const strong = (standing?.activeMethods.length ?? 0) > 0;
    // The methods the policy requires and the account lacks come first, and alone.
    const missing = standing?.missingMethods ?? [];
    const first = offered(deps, methods).filter(
      (factor) =>
        factor.backup !== true &&
        (factor.satisfiesMfa || strong) &&
        (missing.length === 0 || missing.includes(factor.kind)),
    );
    const adding = demands.addMethod === true;
    const page = (
      <ChoosePage
        {...pageBase(request)}
        base={base}
        factors={first}
        adding={adding}
        required={missing.length > 0}
        later={
          grace === undefined
            ? undefined
            : { daysLeft: grace.daysLeft, csrf: kit.csrf(context.token) }
        }
      />
    );
    return sendPage(reply, page);
  });

  // « Plus tard »: the sign-in ends with what it proved (one factor), while the grace lasts. As
  // every step, it is decided from the account as it stands now: after the deadline, or where
  // the application asked for two factors, it is refused whatever is posted.
  app.post<{ Body: Static<typeof CsrfBody> }>(
    '/enroll/later',
    { schema: { body: CsrfBody } },
    async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'enroll', { token: request.body.csrf });
      const { standing, accountId } = context;
      if (standing?.grace === undefined || !deferrable(context))
        throw new AppError('enroll.cannot_defer');
      const passed = { step: 'enroll' as const, amr: [], by: 'deferred' as const, accountId };
      // The step and its audit record together (the days left as the reason).
      const event = {
        type: 'sign_in.enrollment_deferred' as const,
        accountId,
        clientId: context.hosted.clientId,
        reason: `${standing.grace.daysLeft}d`,
      };
      const advanced = await db.transaction().execute(async (trx) => {
        await startGrace(trx, accountId, deps.now());
        const step = await kit.advance(trx, context, passed);
        if (step.advanced) await kit.audit(request, event, trx);
        return step;
      });
      return kit.completeStep(request, reply, context, passed, advanced);
    },
  );

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
          others={offered(deps, (await readMfaPolicy(db)).methods).filter(
            (factor) => !kinds.has(factor.kind),
          )}
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

  // Each method's pages, each behind the policy: a method not allowed is not enrolled, whatever
  // its pages are asked (ADR 0013).
  for (const factor of factors)
    await app.register(async (scoped) => {
      scoped.addHook('preValidation', async () => {
        if (!methodAllowed((await readMfaPolicy(db)).methods, factor.kind))
          throw new AppError('enroll.method_not_allowed');
      });
      await scoped.register(factor.enrollmentRoutes, deps);
    });
}

/** Whether this flow's enrollment may be put off now (sign-in/flow.ts). */
function deferrable(context: FlowContext): boolean {
  const { flow, standing, demands } = context;
  return standing !== undefined && enrollmentDeferrable(flow, standing, demands);
}

/**
 * The methods its owner may enroll here: available (SMS needs a provider), not issued by the
 * help desk, and allowed by the policy.
 */
function offered(deps: FactorDeps, rules: Record<string, MethodRule>) {
  return factors.filter(
    (factor) =>
      factor.issued !== true &&
      (factor.available?.(deps) ?? true) &&
      methodAllowed(rules, factor.kind),
  );
}

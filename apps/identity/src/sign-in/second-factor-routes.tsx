/**
 * The second step of a later sign-in: one of the account's methods (the registry's preferred one
 * first), « Essayer une autre méthode » to switch, and the method's other ways (« Saisir un code à
 * la place »). This step names no method: each method says what its page shows, starts its own
 * challenge (a push), tells how to wait on it, and verifies its own answer (factors/factor.ts);
 * the step's amr are what that verification returned. Failures count toward the method's own
 * limits (G-39); an answer the user denied ends the flow.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { AppError } from '../errors.ts';
import { streamUntilSettled } from '../events/stream-until-settled.ts';
import { describeAuthenticator } from '../factors/describe-authenticator.ts';
import type {
  Authenticator,
  Factor,
  FactorDeps,
  VerificationContext,
  VerificationResult,
  WaitingChallenge,
} from '../factors/factor.ts';
import { byPreference, factorOfKind } from '../factors/index.ts';
import { startNotice } from '../factors/start-notice.ts';
import { mayOfferRememberBrowser } from '../remember-browser/may-use-remembered-browser.ts';
import { readRememberDays } from '../remember-browser/remember-setting.ts';
import { rememberThisBrowser } from '../remember-browser/remembered-browser-cookie.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { methodsToOffer } from './flow.ts';
import { sendPassedNotice } from './passed-notice.tsx';
import { deleteFlow } from './queries.ts';
import { SecondFactorPage } from './second-factor-page.tsx';
import type { AdvancedStep, FlowContext, RecordingContext } from './step-kit.ts';

const Id = Type.String({ maxLength: 64 });
const MethodQuery = Type.Object({
  authenticator: Type.Optional(Id),
  way: Type.Optional(Type.String({ maxLength: 32 })),
});
const EventsQuery = Type.Object({ authenticator: Id, challenge: Id });
const AnswerBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  authenticatorId: Id,
  // Up to a recovery code's 19 characters (K7QM-2XDB-4HTE-WP3C), with some room for spaces.
  code: Type.Optional(Type.String({ maxLength: 32 })),
  challengeId: Type.Optional(Id),
  /** A WebAuthn ceremony's answer (JSON), for a method whose page runs one. */
  assertion: Type.Optional(Type.String({ maxLength: 16384 })),
  /** The number the waiting page showed, to show it again while the phone has not answered. */
  number: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })),
  /** « Ne plus demander sur cet appareil » ticked. */
  remember: Type.Optional(Type.Literal('1')),
});
const StartBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  authenticatorId: Id,
  remember: Type.Optional(Type.Literal('1')),
});

/** An authenticator of the account, with the method it belongs to. */
interface Verifiable {
  authenticator: Authenticator;
  factor: Factor;
}

export async function secondFactorRoutes(app: FastifyInstance, deps: FactorDeps): Promise<void> {
  const { kit } = deps;
  const path = (context: FlowContext) => `${context.base}/verify`;

  /** The account's active methods, preferred first, except any this flow enrolled (G-40). */
  function verifiable(context: FlowContext): Verifiable[] {
    const standing = context.standing;
    if (standing === undefined) return [];
    // The records this step's own read of the account holds: no second read (G-40 holds).
    return methodsToOffer(context.flow, standing, context.demands)
      .sort(byPreference)
      .flatMap((authenticator) => {
        const factor = factorOfKind(authenticator.kind);
        return factor ? [{ authenticator, factor }] : [];
      });
  }

  /** For how many days the page offers to remember this browser (0: it does not). */
  async function rememberOffered(): Promise<number> {
    const rememberDays = await readRememberDays(deps.db);
    return mayOfferRememberBrowser({ rememberDays, host: kit.host.kind }) ? rememberDays : 0;
  }

  function chosenOf(context: FlowContext, authenticatorId: string) {
    return verifiable(context).find((m) => m.authenticator.id === authenticatorId);
  }

  function verificationContext(
    request: FastifyRequest,
    context: FlowContext,
    authenticator: Authenticator,
    way?: string,
  ): VerificationContext {
    return {
      accountId: context.accountId,
      flowId: context.flow.id,
      authenticator,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      clientName: context.hosted.clientName,
      way,
      t: request.page.t,
    };
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    context: FlowContext,
    wanted: {
      authenticator?: string;
      way?: string;
      waiting?: WaitingChallenge;
      notice?: string;
      remember?: boolean;
    },
    failed: boolean,
  ) {
    const methods = verifiable(context);
    const chosen = methods.find((m) => m.authenticator.id === wanted.authenticator) ?? methods[0];
    // flowAt said "mfa": there is one, unless it went in between; the flow then says where to go.
    if (chosen === undefined) return reply.redirect(context.base, 303);
    const { t } = request.page;
    const prompt = await chosen.factor.verification.begin(
      deps,
      verificationContext(request, context, chosen.authenticator, wanted.way),
      t,
      wanted.waiting,
    );
    kit.allowFormTargets(request, reply, context.hosted);
    const here = `${path(context)}?authenticator=${chosen.authenticator.id}`;
    const page = (
      <SecondFactorPage
        {...pageBase(request)}
        action={path(context)}
        csrf={kit.csrf(context.token)}
        authenticatorId={chosen.authenticator.id}
        prompt={wanted.notice === undefined ? prompt : { ...prompt, notice: wanted.notice }}
        wayHref={(way) => `${here}&way=${encodeURIComponent(way)}`}
        failed={failed}
        rememberDays={await rememberOffered()}
        remember={wanted.remember === true}
        others={methods
          .filter((m) => m !== chosen)
          .map(({ authenticator, factor }) => ({
            id: authenticator.id,
            // « Utiliser Sesame Verify sur iPhone », or the method's own (a recovery code).
            label: factor.useLabel
              ? t(factor.useLabel)
              : t('verify.useThis', { method: describeAuthenticator(t, authenticator) }),
            href: `${path(context)}?authenticator=${authenticator.id}`,
          }))}
      />
    );
    return sendPage(reply, page, failed ? 401 : 200);
  }

  app.get<{ Querystring: Static<typeof MethodQuery> }>(
    '/verify',
    { schema: { querystring: MethodQuery } },
    async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'mfa');
      return render(request, reply, context, request.query, false);
    },
  );

  // Where the waiting page goes when the phone said « Ce n'était pas moi »: the flow ended then.
  app.get('/verify/denied', async (request, reply) => {
    const hosted = await kit.host.open(request, reply);
    throw new AppError('sign_in.denied', { restartUrl: hosted.restartUrl });
  });

  // The waiting page is a POST's answer: its language toggle comes back to the step's page.
  app.get('/verify/start', async (request, reply) => {
    const context = await kit.flowAt(request, reply, 'mfa');
    return reply.redirect(path(context), 303);
  });

  // Start a challenge on another device (« Envoyer une notification push »), then wait on it.
  app.post<{ Body: Static<typeof StartBody> }>(
    '/verify/start',
    { schema: { body: StartBody } },
    async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'mfa', { token: request.body.csrf });
      const chosen = chosenOf(context, request.body.authenticatorId);
      const start = chosen?.factor.verification.start;
      if (chosen === undefined || start === undefined) return reply.redirect(path(context), 303);
      const started = await start(
        deps,
        verificationContext(request, context, chosen.authenticator),
      );
      const authenticator = chosen.authenticator.id;
      // The waiting page is this response: its number is shown here and kept nowhere else.
      const remember = request.body.remember === '1';
      if (started.ok)
        return render(
          request,
          reply,
          context,
          { authenticator, waiting: started, remember },
          false,
        );
      const notices = chosen.factor.verification.notices;
      const notice = startNotice(request.page.t, { ...started, notices }, deps.now());
      return render(request, reply, context, { authenticator, way: 'code', notice }, true);
    },
  );

  // The waiting page's stream: one event when its challenge is settled (approved, denied, expired).
  app.get<{ Querystring: Static<typeof EventsQuery> }>(
    '/verify/events',
    { schema: { querystring: EventsQuery } },
    async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'mfa');
      const chosen = chosenOf(context, request.query.authenticator);
      const watch = chosen?.factor.verification.watch;
      if (chosen === undefined || watch === undefined) throw new AppError('request.not_found');
      const watched = watch(
        deps,
        verificationContext(request, context, chosen.authenticator),
        request.query.challenge,
      );
      await streamUntilSettled(reply, {
        ...watched,
        events: deps.events,
        now: deps.now,
        onError: (error) => reply.log.warn({ err: error }, 'challenge events: a look failed'),
      });
    },
  );

  app.post<{ Body: Static<typeof AnswerBody> }>(
    '/verify',
    { schema: { body: AnswerBody } },
    async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'mfa', { token: request.body.csrf });
      const chosen = chosenOf(context, request.body.authenticatorId);
      const audited = (result: VerificationResult) => ({
        type: result.ok
          ? ('sign_in.second_factor_succeeded' as const)
          : ('sign_in.second_factor_failed' as const),
        accountId: context.accountId,
        clientId: context.hosted.clientId,
        reason: result.ok ? (chosen?.factor.kind ?? null) : result.reason,
      });
      const passed = (amr: readonly string[]) => ({
        step: 'mfa' as const,
        amr: [...amr],
        accountId: context.accountId,
        // A method after which a method must be enrolled (a temporary access code).
        ...(chosen?.factor.enrollAfter === true ? { enrollAfter: true as const } : {}),
      });
      // A method that consumes its success in a transaction records the step's audit event and
      // the flow's advance in it too (RecordingContext); others leave them here.
      let advanced: AdvancedStep | undefined;
      const verify = ({ authenticator, factor }: Verifiable) => {
        const recording: RecordingContext = {
          ...verificationContext(request, context, authenticator),
          recordSuccess: async (trx, amr) => {
            await kit.audit(request, audited({ ok: true, amr }), trx);
            advanced = await kit.advance(trx, context, passed(amr));
          },
        };
        return factor.verification.verify(deps, recording, {
          code: request.body.code,
          challengeId: request.body.challengeId,
          assertion: request.body.assertion,
        });
      };
      // An authenticator that is not one this flow may verify with is refused unevaluated.
      const result: VerificationResult = chosen
        ? await verify(chosen)
        : { ok: false, reason: 'invalid' };
      if (advanced === undefined && !(!result.ok && result.reason === 'pending'))
        await kit.audit(request, audited(result));
      if (result.ok) {
        if (request.body.remember === '1') await rememberBrowser(deps, request, reply, context);
        // What the method has to say once passed (few recovery codes left), before going on.
        if (result.notice !== undefined) {
          const notice = result.notice;
          return sendPassedNotice(deps, request, reply, {
            context,
            passed: passed(result.amr),
            advanced,
            notice,
          });
        }
        return kit.completeStep(request, reply, context, passed(result.amr), advanced);
      }
      const { t } = request.page;
      const wanted = {
        authenticator: request.body.authenticatorId,
        remember: request.body.remember === '1',
      };
      switch (result.reason) {
        // « Ce n'était pas moi »: this sign-in ends here, and nothing is sent again by itself.
        case 'denied':
          await deleteFlow(deps.db, context.flow.id);
          throw new AppError('sign_in.denied', { restartUrl: context.hosted.restartUrl });
        case 'pending':
          return render(
            request,
            reply,
            context,
            {
              ...wanted,
              waiting:
                request.body.challengeId === undefined || request.body.number === undefined
                  ? undefined
                  : { challengeId: request.body.challengeId, number: request.body.number },
              notice: t('verify.push.notYet'),
            },
            false,
          );
        case 'mismatch':
          return render(
            request,
            reply,
            context,
            { ...wanted, notice: t('verify.push.mismatch') },
            true,
          );
        case 'expired':
          return render(
            request,
            reply,
            context,
            {
              ...wanted,
              notice: t(chosen?.factor.verification.notices?.expired ?? 'verify.push.expired'),
            },
            true,
          );
        default:
          // One message for a wrong, replayed or throttled answer.
          return render(request, reply, context, wanted, true);
      }
    },
  );
}

/** A second factor passed with the box ticked: this browser is remembered, if still allowed. */
async function rememberBrowser(
  deps: FactorDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  context: FlowContext,
): Promise<void> {
  const days = await readRememberDays(deps.db);
  if (!mayOfferRememberBrowser({ rememberDays: days, host: deps.kit.host.kind })) return;
  const { accountId } = context;
  const { cookies } = deps.kit;
  await rememberThisBrowser(deps.db, request, reply, {
    cookies,
    accountId,
    days,
    nowMs: deps.now(),
  });
  const event = { type: 'remembered_browser.added' as const, accountId, reason: `${days}d` };
  await deps.kit.audit(request, { ...event, clientId: context.hosted.clientId });
}

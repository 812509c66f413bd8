/**
 * « Se connecter avec une clé d'accès »: a sign-in without password, where the organization
 * allows it (`npx sesame org passkey-sign-in on`). The browser picks a discoverable credential;
 * user verification is required (G-20: without it a passkey is one factor only, and is refused
 * here). A passkey that verified its user proves two factors at once — a key held, and the PIN or
 * biometrics that unlocked it — so the flow's password step and second factor are both passed,
 * with amr `hwk` or `swk`, `user` and `mfa` (RFC 8176). Like the password step it runs only at
 * the flow's password step, refuses a locked account with the same answer as any failure (G-11,
 * G-41), counts failures per address and per account, and its record guards on the account being
 * still unlocked. Its challenge is bound to the sign-in flow (no account is known before).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { findAccountById } from '../../accounts/queries.ts';
import { AppError } from '../../errors.ts';
import { accountPolicy, ipPolicy, secondFactorLimitKey } from '../../security/attempt-policy.ts';
import { ipBucket } from '../../security/client-ip.ts';
import { withAttemptLimit } from '../../security/with-attempt-limit.ts';
import type { AdvancedStep, FlowContext, PassedStepInput } from '../../sign-in/step-kit.ts';
import { pageBase, sendPage } from '../../ui/render-page.ts';
import { markAuthenticatorUsed } from '../authenticator-queries.ts';
import type { FactorDeps, FirstFactorSignIn } from '../factor.ts';
import { newChallenge } from './ceremony-challenge.ts';
import { ceremonyTimeoutMs, ceremonyTtlSeconds, relyingPartyOf } from './ceremony-checks.ts';
import { auditSignCountRegression, checkAssertion, recordAssertion } from './check-assertion.ts';
import { parseAuthenticationJson } from './credential-json.ts';
import { passkeyKind } from './passkey-kind.ts';
import { PasskeySignInFailedPage } from './passkey-sign-in-page.tsx';
import { readPasskeySignIn } from './passkey-sign-in-setting.ts';
import { inOneTransaction } from './passkey-verification.ts';
import {
  consumeSignInChallenge,
  createSignInChallenge,
  findActivePasskey,
} from './webauthn-queries.ts';
import { webauthnServer } from './webauthn-server.ts';

const SignInBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  challengeId: Type.String({ maxLength: 64 }),
  assertion: Type.String({ maxLength: 16384 }),
});

type Outcome = { ok: true; steps: Steps } | { ok: false; accountId: string | null };

export const passkeySignIn: FirstFactorSignIn = {
  offer: async (deps, flow, t) => {
    if (!(await readPasskeySignIn(deps.db))) return undefined;
    const challenge = newChallenge();
    const challengeId = await createSignInChallenge(deps.db, {
      flowId: flow.id,
      challenge: challenge.text,
      nowMs: deps.now(),
      ttlSeconds: ceremonyTtlSeconds,
    });
    // No allowCredentials: the browser offers the passkeys it holds for this site.
    const { generateAuthenticationOptions } = await webauthnServer();
    const options = await generateAuthenticationOptions({
      rpID: relyingPartyOf(deps.publicUrl).id,
      challenge: challenge.bytes,
      timeout: ceremonyTimeoutMs,
      userVerification: 'required',
    });
    return {
      label: t('signIn.passkey'),
      action: `${flow.base}/passkey`,
      options: JSON.stringify(options),
      challengeId,
    };
  },
  routes: async (app, deps) => {
    const { kit } = deps;
    // The refusal page is a POST's answer: its language toggle comes back to the sign-in page.
    app.get<{ Params: { uid: string } }>('/passkey', async (request, reply) =>
      reply.redirect(`/interaction/${request.params.uid}`, 303),
    );
    app.post<{ Body: Static<typeof SignInBody> }>(
      '/passkey',
      { schema: { body: SignInBody } },
      async (request, reply) => {
        const context = await kit.flowAt(request, reply, 'password', { token: request.body.csrf });
        if (!(await readPasskeySignIn(deps.db))) throw new AppError('request.not_found');
        let advanced: AdvancedStep[] = [];
        const audited = { clientId: context.hosted.clientId, reason: passkeyKind };
        const outcome = await signInWithPasskey(
          deps,
          request,
          context,
          request.body,
          // The success's audit event and both steps: in the transaction of the counter's record.
          async (trx, steps) => {
            const accountId = steps[0].accountId;
            await kit.audit(request, { ...audited, type: 'sign_in.succeeded', accountId }, trx);
            advanced = await recordBothSteps(deps, context, trx, steps);
            return advanced.every((step) => step.advanced);
          },
        );
        const [first, second] = advanced;
        if (!outcome.ok || first === undefined || second === undefined) {
          const accountId = outcome.ok ? null : outcome.accountId;
          await kit.audit(request, { ...audited, type: 'sign_in.failed', accountId });
          return failed(request, reply, context);
        }
        // The flow as the first step left it; the kit reads the plan after the second (G-40).
        const afterFirst = {
          hosted: context.hosted,
          flow: {
            ...context.flow,
            accountId: outcome.steps[0].accountId,
            stepsDone: [...context.flow.stepsDone, first.step],
          },
          token: first.newToken,
        };
        return kit.completeStep(request, reply, afterFirst, outcome.steps[1], second);
      },
    );
  },
};

function failed(request: FastifyRequest, reply: FastifyReply, context: FlowContext) {
  const page = <PasskeySignInFailedPage {...pageBase(request)} backHref={context.base} />;
  return sendPage(reply, page, 401);
}

/** Both steps recorded in the transaction of the assertion's success, each with a new token. */
async function recordBothSteps(
  deps: FactorDeps,
  context: FlowContext,
  trx: Trx,
  steps: Steps,
): Promise<AdvancedStep[]> {
  const first = await deps.kit.advance(trx, context, steps[0]);
  if (!first.advanced) return [first];
  const flow = { ...context.flow, stepsDone: [...context.flow.stepsDone, first.step] };
  const second = await deps.kit.advance(trx, { flow, token: first.newToken }, steps[1]);
  return [first, second];
}

type Trx = Parameters<FactorDeps['kit']['advance']>[0];
type Steps = [PassedStepInput, PassedStepInput];

/** The assertion against the credential it names, under the address's and account's limits. */
async function signInWithPasskey(
  deps: FactorDeps,
  request: FastifyRequest,
  context: FlowContext,
  body: Static<typeof SignInBody>,
  record: (trx: Trx, steps: Steps) => Promise<boolean>,
): Promise<Outcome> {
  const nowMs = deps.now();
  const ipLimit = { key: `ip:${ipBucket(request.ip)}`, policy: ipPolicy };
  // The challenge is used up first: a second answer to it, right or wrong, finds nothing.
  const target = { id: body.challengeId, flowId: context.flow.id };
  const expectedChallenge = await consumeSignInChallenge(deps.db, target, nowMs);
  const response = parseAuthenticationJson(body.assertion);
  const found = response && (await findActivePasskey(deps.db, response.id));
  const account = found && (await findAccountById(deps.db, found.authenticator.account_id));
  const usable =
    expectedChallenge !== undefined &&
    response !== undefined &&
    found !== undefined &&
    account !== undefined &&
    // G-41: a locked account signs in no more with a key than with its password.
    account.locked !== 1 &&
    userHandleMatches(response.response.userHandle, account.id);
  // Unknown key, used challenge, locked account: one answer, one attempt of the address (G-11).
  if (!usable) {
    await withAttemptLimit(deps.limiter, { ...ipLimit, nowMs }, async () => ({ ok: false }));
    return { ok: false, accountId: account?.id ?? null };
  }
  const accountLimit = {
    key: secondFactorLimitKey(account.id, passkeyKind),
    policy: accountPolicy,
  };
  const checked = await withAttemptLimit(
    deps.limiter,
    { limits: [ipLimit, accountLimit], nowMs },
    (settleIn) =>
      checkAndRecord(
        deps,
        request,
        { expectedChallenge, response, found, accountId: account.id },
        settleIn,
        record,
      ),
  );
  return checked.limited ? { ok: false, accountId: account.id } : checked.value;
}

async function checkAndRecord(
  deps: FactorDeps,
  request: FastifyRequest,
  input: {
    expectedChallenge: string;
    response: NonNullable<ReturnType<typeof parseAuthenticationJson>>;
    found: NonNullable<Awaited<ReturnType<typeof findActivePasskey>>>;
    accountId: string;
  },
  settleIn: (trx: Trx) => Promise<void>,
  record: (trx: Trx, steps: Steps) => Promise<boolean>,
): Promise<Outcome> {
  const { found, accountId } = input;
  const outcome = await checkAssertion(relyingPartyOf(deps.publicUrl), {
    response: input.response,
    expectedChallenge: input.expectedChallenge,
    credential: found.credential,
    // G-20: a sign-in without password needs the user verified (UV = 0 is one factor only).
    requireUserVerification: true,
  });
  if (!outcome.ok) {
    if (outcome.regression)
      await auditSignCountRegression(
        deps.db,
        {
          accountId,
          authenticatorId: found.authenticator.id,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        },
        deps.now(),
      );
    return { ok: false, accountId };
  }
  const steps: Steps = [
    { step: 'password', amr: outcome.amr, accountId },
    { step: 'mfa', amr: ['mfa'], accountId },
  ];
  const recorded = await inOneTransaction(deps, async (trx) => {
    if (!(await recordAssertion(trx, found.credential, outcome))) return false;
    if (!(await markAuthenticatorUsed(trx, found.authenticator.id, deps.now(), false)))
      return false;
    await settleIn(trx);
    return record(trx, steps);
  });
  return recorded ? { ok: true, steps } : { ok: false, accountId };
}

/** The user handle, when the authenticator gives one, must be the account's (its opaque id). */
function userHandleMatches(userHandle: string | undefined, accountId: string): boolean {
  return userHandle === undefined || userHandle === Buffer.from(accountId).toString('base64url');
}

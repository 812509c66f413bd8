/**
 * Approving a sensitive operation (issue 7 §3; ADR 0008): OpenID Connect CIBA in poll mode, with
 * oidc-provider's CIBA feature. The application (the Espace client, with its client credentials)
 * names the signed-in client by the ID token it holds (`id_token_hint`) and says what is asked
 * (`binding_message`: « Ajouter le bénéficiaire Marie Tremblay ? »). Sesame sends that to the
 * client's Sesame Verify as a push, matched by a number that the application shows and the client
 * types (`backchannelNumber`, derived from the `auth_req_id` only the two know). The device's
 * answer settles the push; then the request gets its grant (approved) or `access_denied`, and the
 * application's next poll of the token endpoint gets tokens or the error.
 */
import { backchannelNumber } from '@sesame/contracts';
import Provider, { errors, type KoaContextWithOIDC } from 'oidc-provider';
import { type Challenge, consumeApproval } from '../factors/challenge-queries.ts';
import { pushAmr } from '../factors/push/push-outcome.ts';
import { findAccountPushTarget } from '../factors/push/push-queries.ts';
import {
  type PushDeps,
  type PushPayload,
  startPushChallenge,
} from '../factors/push/start-push-challenge.ts';
import { acrValues } from '../sign-in/flow.ts';

/** A binding message: what the phone shows first, so short, printable, on one line. */
const bindingMessagePattern = /^[^\p{Cc}\p{Cf}]{1,120}$/u;

/** A request lives as long as a sign-in's push (2 minutes). */
export const backchannelTtlSeconds = 120;

export function createCiba(deps: PushDeps) {
  let provider: Provider | undefined;
  const attached = () => {
    if (provider === undefined) throw new Error('CIBA used before its provider was attached');
    return provider;
  };

  /** oidc-provider's `features.ciba`. */
  const feature = {
    enabled: true,
    deliveryModes: ['poll'] as ['poll'],
    // The client is named by the ID token the application holds (id_token_hint), which
    // oidc-provider checks itself; the other hints are not offered.
    processLoginHint: async () => {
      throw new errors.InvalidRequest('login_hint is not supported: use id_token_hint');
    },
    processLoginHintToken: async () => {
      throw new errors.InvalidRequest('login_hint_token is not supported: use id_token_hint');
    },
    verifyUserCode: async (_ctx: KoaContextWithOIDC, _account: unknown, userCode?: string) => {
      if (userCode !== undefined) throw new errors.InvalidUserCode('user_code is not supported');
    },
    validateRequestContext: async () => undefined,
    validateBindingMessage: async (_ctx: KoaContextWithOIDC, bindingMessage?: string) => {
      if (bindingMessage === undefined || !bindingMessagePattern.test(bindingMessage))
        throw new errors.InvalidBindingMessage(
          'binding_message is required: one line of at most 120 printable characters',
        );
    },
    triggerAuthenticationDevice: async (
      ctx: KoaContextWithOIDC,
      request: InstanceType<Provider['BackchannelAuthenticationRequest']>,
      account: { accountId: string },
      client: InstanceType<Provider['Client']>,
    ) => {
      const requestId = request.jti;
      const authenticatorId = await findAccountPushTarget(deps.db, account.accountId);
      const started =
        authenticatorId === undefined
          ? undefined
          : await startPushChallenge(deps, {
              accountId: account.accountId,
              flowId: null,
              authenticatorId,
              ip: ctx.ip,
              userAgent: undefined,
              clientName: client.clientName ?? client.clientId,
              nowMs: deps.now(),
              backchannel: {
                requestId,
                bindingMessage: String(request.params?.binding_message ?? ''),
                number: await backchannelNumber(requestId),
              },
            });
      // No phone to ask, or pushes paused for the account: the application's poll says so.
      if (started === undefined || !started.ok)
        await attached().backchannelResult(
          request,
          new errors.AccessDenied(
            started === undefined ? 'no Sesame Verify device' : 'requests are paused',
          ),
        );
    },
  };

  /**
   * After a device's answer is committed: an approved CIBA push becomes the request's grant
   * (taken once), a denied or wrong-numbered one its `access_denied`.
   */
  async function settled(challenge: Challenge, outcome: 'approved' | 'denied'): Promise<void> {
    const payload = JSON.parse(challenge.payload) as PushPayload;
    const requestId = payload.backchannelRequestId;
    if (requestId === undefined) return;
    const oidc = attached();
    const request = await oidc.BackchannelAuthenticationRequest.find(requestId);
    if (request === undefined) return;
    if (outcome === 'denied') {
      await oidc.backchannelResult(request, new errors.AccessDenied('denied on the device'));
      return;
    }
    const target = { id: challenge.id, accountId: challenge.account_id, flowId: null };
    if ((await consumeApproval(deps.db, target, deps.now())) === undefined) return;
    const grant = new oidc.Grant({ accountId: request.accountId, clientId: request.clientId });
    if (request.scope) grant.addOIDCScope(request.scope);
    await grant.save();
    await oidc.backchannelResult(request, grant, {
      // The device's key, with the number the application showed typed on it: no password here.
      amr: [...pushAmr],
      acr: acrValues.oneFactor,
      authTime: Math.floor(deps.now() / 1000),
    });
  }

  return {
    feature,
    settled,
    attach(created: Provider) {
      provider = created;
    },
  };
}

export type Ciba = ReturnType<typeof createCiba>;

/**
 * A passkey as the second factor after the password: the page's button runs
 * navigator.credentials.get for this authenticator's credential, with a challenge of
 * `challenges` bound to the flow, the account and the authenticator; the answer uses it up, is
 * checked under the method's failure limits (G-39), and its success — the counter, the use, the
 * limits' release, the step's record — is one transaction. User verification is asked for, not
 * required: without it the key proves possession only (`hwk`/`swk`), with it `user` too.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import {
  accountPolicy,
  secondFactorIpPolicy,
  secondFactorLimitKey,
} from '../../security/attempt-policy.ts';
import { ipBucket } from '../../security/client-ip.ts';
import { type SettleIn, withAttemptLimit } from '../../security/with-attempt-limit.ts';
import type { RecordingContext } from '../../sign-in/step-kit.ts';
import { markAuthenticatorUsed } from '../authenticator-queries.ts';
import type { FactorDeps, FactorVerification, VerificationResult } from '../factor.ts';
import { startCeremony, takeCeremony } from './ceremony-challenge.ts';
import { ceremonyTimeoutMs, relyingPartyOf } from './ceremony-checks.ts';
import { auditSignCountRegression, checkAssertion, recordAssertion } from './check-assertion.ts';
import { parseAuthenticationJson } from './credential-json.ts';
import { passkeyKind } from './passkey-kind.ts';
import { findCredentialOf } from './webauthn-queries.ts';
import { webauthnServer } from './webauthn-server.ts';

export const passkeyVerification: FactorVerification = {
  begin: async (deps, context, t) => {
    const credential = await findCredentialOf(deps.db, context.authenticator.id);
    const ceremony = await startCeremony(deps, {
      kind: 'passkey-assertion',
      accountId: context.accountId,
      flowId: context.flowId,
      authenticatorId: context.authenticator.id,
    });
    const { generateAuthenticationOptions } = await webauthnServer();
    const options = await generateAuthenticationOptions({
      rpID: relyingPartyOf(deps.publicUrl).id,
      challenge: ceremony.challenge.bytes,
      timeout: ceremonyTimeoutMs,
      allowCredentials:
        credential === undefined
          ? []
          : [
              {
                id: credential.credential_id,
                transports: JSON.parse(credential.transports) as string[],
              },
            ],
      userVerification: 'preferred',
    });
    return {
      form: 'webauthn',
      intro: t('verify.intro.passkey', { name: context.authenticator.label }),
      label: t('verify.passkey.submit'),
      options: JSON.stringify(options),
      challengeId: ceremony.id,
    };
  },
  notices: { expired: 'verify.passkey.expired' },
  verify: async (deps, context: RecordingContext, answer) => {
    const limits = [
      { key: `second-factor-ip:${ipBucket(context.ip)}`, policy: secondFactorIpPolicy },
      { key: secondFactorLimitKey(context.accountId, passkeyKind), policy: accountPolicy },
    ];
    const checked = await withAttemptLimit(
      deps.limiter,
      { limits, nowMs: deps.now() },
      (settleIn) => verifyPasskey(deps, context, answer, settleIn),
    );
    return checked.limited ? { ok: false, reason: 'throttled' } : checked.value;
  },
};

async function verifyPasskey(
  deps: FactorDeps,
  context: RecordingContext,
  answer: { challengeId?: string; assertion?: string },
  settleIn: SettleIn,
): Promise<VerificationResult> {
  const { authenticator } = context;
  // The challenge is used up first: a second answer to it, right or wrong, finds nothing.
  const expectedChallenge = await takeCeremony(deps, {
    id: answer.challengeId,
    kind: 'passkey-assertion',
    accountId: context.accountId,
    flowId: context.flowId,
    authenticatorId: authenticator.id,
  });
  if (expectedChallenge === undefined) return { ok: false, reason: 'expired' };
  const response = parseAuthenticationJson(answer.assertion);
  const credential = await findCredentialOf(deps.db, authenticator.id);
  if (response === undefined || credential === undefined || authenticator.status !== 'active')
    return { ok: false, reason: 'invalid' };
  const outcome = await checkAssertion(relyingPartyOf(deps.publicUrl), {
    response,
    expectedChallenge,
    credential,
    requireUserVerification: false,
  });
  if (!outcome.ok) {
    if (outcome.regression) await auditRegression(deps, context);
    return { ok: false, reason: 'invalid' };
  }
  const nowMs = deps.now();
  const recorded = await inOneTransaction(deps, async (trx) => {
    // The limits are released and the step recorded with the counter and the use, or none is.
    if (!(await recordAssertion(trx, credential, outcome))) return false;
    if (!(await markAuthenticatorUsed(trx, authenticator.id, nowMs, false))) return false;
    await settleIn(trx);
    await context.recordSuccess?.(trx, outcome.amr);
    return true;
  });
  return recorded ? { ok: true, amr: outcome.amr } : { ok: false, reason: 'replayed' };
}

/**
 * Run writes that all happen or none: `work` answering false (a row moved meanwhile) rolls
 * back what it wrote before.
 */
export async function inOneTransaction(
  deps: Pick<FactorDeps, 'db'>,
  work: (trx: Kysely<Database>) => Promise<boolean>,
): Promise<boolean> {
  return deps.db
    .transaction()
    .execute(async (trx) => {
      if (!(await work(trx))) throw new RolledBack();
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof RolledBack) return false;
      throw error;
    });
}

class RolledBack extends Error {}

function auditRegression(deps: FactorDeps, context: RecordingContext): Promise<void> {
  return auditSignCountRegression(
    deps.db,
    {
      accountId: context.accountId,
      authenticatorId: context.authenticator.id,
      ip: context.ip,
      userAgent: context.userAgent,
    },
    deps.now(),
  );
}

/**
 * Registering a passkey (G-20, G-21): only inside a flow of the account at its enrollment step —
 * a sign-in past its password (and past the second factor when the account has one), or a
 * step-up of the security page — so only an authenticated session registers a key, and for its
 * own account. The options exclude the account's keys; the challenge is a row of `challenges`
 * bound to the flow and account, used up by the answer; origin, RP ID and user presence are
 * checked by @simplewebauthn/server against the public URL. The key is named by its owner.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { findAccountById } from '../../accounts/queries.ts';
import { recordAuditEvent } from '../../audit/record-audit-event.ts';
import type { FlowContext } from '../../sign-in/step-kit.ts';
import { pageBase, sendPage } from '../../ui/render-page.ts';
import { mayStillEnroll } from '../authenticator-queries.ts';
import type { FactorDeps } from '../factor.ts';
import { startCeremony, takeCeremony } from './ceremony-challenge.ts';
import { ceremonyTimeoutMs, relyingPartyOf, supportedAlgorithmIds } from './ceremony-checks.ts';
import { parseRegistrationJson } from './credential-json.ts';
import { PasskeyEnrollmentPage } from './passkey-enrollment-page.tsx';
import { passkeyKind } from './passkey-kind.ts';
import {
  credentialExists,
  insertPasskey,
  listAccountCredentials,
  type NewPasskey,
} from './webauthn-queries.ts';
import { webauthnServer } from './webauthn-server.ts';

const RegisterBody = Type.Object({
  csrf: Type.Optional(Type.String({ maxLength: 128 })),
  challengeId: Type.String({ maxLength: 64 }),
  label: Type.String({ minLength: 1, maxLength: 64 }),
  attestation: Type.String({ maxLength: 16384 }),
});

export async function passkeyEnrollmentRoutes(app: FastifyInstance, deps: FactorDeps) {
  const { kit, db, now } = deps;
  const rp = relyingPartyOf(deps.publicUrl);
  const path = (context: FlowContext) => `${context.base}/enroll/passkey`;

  /** The page, with a new ceremony (its challenge) each time it is shown. */
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    context: FlowContext,
    shown: { label?: string; failed: boolean },
  ) {
    const account = await findAccountById(db, context.accountId);
    if (account === undefined) return reply.redirect(context.base, 303);
    const ceremony = await startCeremony(deps, {
      kind: 'passkey-registration',
      accountId: context.accountId,
      flowId: context.flow.id,
      authenticatorId: null,
    });
    const existing = await listAccountCredentials(db, context.accountId);
    const { generateRegistrationOptions } = await webauthnServer();
    const options = await generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      // The user handle is the account's opaque id: no name or address in it.
      userID: new TextEncoder().encode(account.id),
      userName: account.username,
      userDisplayName: account.name,
      challenge: ceremony.challenge.bytes,
      timeout: ceremonyTimeoutMs,
      attestationType: 'none',
      // The account's keys are not registered twice (G-20).
      excludeCredentials: existing.map((c) => ({
        id: c.credential_id,
        transports: JSON.parse(c.transports) as string[],
      })),
      // Discoverable when it can be, for a sign-in without password; verification when it can.
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      supportedAlgorithmIDs: supportedAlgorithmIds,
    });
    const { t } = request.page;
    const page = (
      <PasskeyEnrollmentPage
        {...pageBase(request)}
        action={path(context)}
        csrf={kit.csrf(context.token)}
        challengeId={ceremony.id}
        options={JSON.stringify(options)}
        label={shown.label ?? t('passkey.enroll.defaultName')}
        failed={shown.failed}
        backHref={`${context.base}/enroll`}
      />
    );
    return sendPage(reply, page, shown.failed ? 400 : 200);
  }

  app.get('/enroll/passkey', async (request, reply) => {
    const context = await kit.flowAt(request, reply, 'enroll');
    return render(request, reply, context, { failed: false });
  });

  app.post<{ Body: Static<typeof RegisterBody> }>(
    '/enroll/passkey',
    { schema: { body: RegisterBody } },
    async (request, reply) => {
      const context = await kit.flowAt(request, reply, 'enroll', { token: request.body.csrf });
      const label = request.body.label.trim() || request.page.t('passkey.enroll.defaultName');
      const added = await registerPasskey(deps, context, { ...request.body, label });
      await recordAuditEvent(
        db,
        {
          type: added ? 'authenticator.added' : 'authenticator.confirm_failed',
          accountId: context.accountId,
          reason: passkeyKind,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
          actor: `user:${context.accountId}`,
        },
        now(),
      );
      if (!added) return render(request, reply, context, { label, failed: true });
      return reply.redirect(`${context.base}/enroll/done?added=passkey`, 303);
    },
  );
}

/** Check the browser's answer against this flow's ceremony, and keep the key: whether it was. */
async function registerPasskey(
  deps: FactorDeps,
  context: FlowContext,
  body: { challengeId: string; label: string; attestation: string },
): Promise<boolean> {
  const rp = relyingPartyOf(deps.publicUrl);
  // The challenge is used up first: a second answer to it, right or wrong, finds nothing.
  const expectedChallenge = await takeCeremony(deps, {
    id: body.challengeId,
    kind: 'passkey-registration',
    accountId: context.accountId,
    flowId: context.flow.id,
    authenticatorId: null,
  });
  const response = parseRegistrationJson(body.attestation);
  if (expectedChallenge === undefined || response === undefined) return false;
  const { verifyRegistrationResponse } = await webauthnServer();
  const verified = await verifyRegistrationResponse({
    response,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserPresence: true,
    requireUserVerification: false,
    supportedAlgorithmIDs: supportedAlgorithmIds,
  }).catch(() => undefined);
  if (verified === undefined || !verified.verified) return false;
  const info = verified.registrationInfo;
  const passkey: NewPasskey = {
    id: randomUUID(),
    accountId: context.accountId,
    flowId: context.flow.id,
    label: body.label,
    nowMs: deps.now(),
    credential: {
      credential_id: info.credential.id,
      public_key: Buffer.from(info.credential.publicKey).toString('base64url'),
      sign_count: info.credential.counter,
      transports: JSON.stringify(info.credential.transports ?? []),
      device_type: info.credentialDeviceType,
      backed_up: info.credentialBackedUp ? 1 : 0,
      aaguid: info.aaguid,
      user_verified: info.userVerified ? 1 : 0,
    },
  };
  return deps.db.transaction().execute(async (trx) => {
    // The account is still unlocked, and may still add a method from this flow (G-40, G-41).
    if (!(await mayStillEnroll(trx, context.accountId, context.flow.id))) return false;
    // One key, one authenticator: a credential stored already is not registered again.
    if (await credentialExists(trx, passkey.credential.credential_id)) return false;
    await insertPasskey(trx, passkey);
    return true;
  });
}

/**
 * One passkey assertion checked against one stored credential, for either use (a second factor,
 * a sign-in without password): @simplewebauthn/server verifies the challenge, origin, RP ID,
 * user presence (and user verification when required) and the signature; the counter is checked
 * here after the signature (a counter that did not go up is flagged only for a genuine
 * signature), then recorded by compare-and-swap in the caller's transaction.
 */
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { Kysely } from 'kysely';
import { recordAuditEvent } from '../../audit/record-audit-event.ts';
import type { Database } from '../../db/database.ts';
import { assertionAmr, isSignCountRegression, type RelyingParty } from './ceremony-checks.ts';
import { advanceSignCount, type StoredCredential } from './webauthn-queries.ts';
import { webauthnServer } from './webauthn-server.ts';

export type AssertionOutcome =
  | { ok: true; amr: string[]; newCounter: number; backedUp: boolean }
  | { ok: false; regression: boolean };

export async function checkAssertion(
  rp: RelyingParty,
  input: {
    response: AuthenticationResponseJSON;
    expectedChallenge: string;
    credential: StoredCredential;
    /** A sign-in without password needs the user verified (UV); a second factor does not. */
    requireUserVerification: boolean;
  },
): Promise<AssertionOutcome> {
  const { response, credential } = input;
  // The answer must be from the credential it is checked against.
  if (response.id !== credential.credential_id) return { ok: false, regression: false };
  const { verifyAuthenticationResponse } = await webauthnServer();
  const verified = await verifyAuthenticationResponse({
    response,
    expectedChallenge: input.expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: credential.credential_id,
      publicKey: new Uint8Array(Buffer.from(credential.public_key, 'base64url')),
      // The library compares counters before the signature; Sesame does it after (below).
      counter: 0,
      transports: JSON.parse(credential.transports) as string[],
    },
    requireUserVerification: input.requireUserVerification,
  }).catch(() => undefined);
  if (verified === undefined || !verified.verified) return { ok: false, regression: false };
  const info = verified.authenticationInfo;
  // G-20: a counter that went back (or stayed) may be a cloned authenticator.
  if (isSignCountRegression(Number(credential.sign_count), info.newCounter))
    return { ok: false, regression: true };
  const amr = assertionAmr({
    deviceType: info.credentialDeviceType,
    userVerified: info.userVerified,
  });
  return { ok: true, amr, newCounter: info.newCounter, backedUp: info.credentialBackedUp };
}

/** Record the counter read, unless it moved meanwhile (a parallel use): then nothing is. */
export async function recordAssertion(
  trx: Kysely<Database>,
  credential: StoredCredential,
  outcome: { newCounter: number; backedUp: boolean },
): Promise<boolean> {
  return advanceSignCount(trx, credential.authenticator_id, {
    from: Number(credential.sign_count),
    to: outcome.newCounter,
    backedUp: outcome.backedUp,
  });
}

/** A regression is refused and kept in the audit trail, naming the authenticator. */
export async function auditSignCountRegression(
  db: Kysely<Database>,
  event: { accountId: string; authenticatorId: string; ip: string; userAgent: string | null },
  nowMs: number,
): Promise<void> {
  await recordAuditEvent(
    db,
    {
      type: 'passkey.sign_count_regression',
      accountId: event.accountId,
      reason: event.authenticatorId,
      ip: event.ip,
      userAgent: event.userAgent,
    },
    nowMs,
  );
}

/**
 * A passkey ceremony's challenge as a row of `challenges` (ADR 0004): 256 random bits made here,
 * bound to the account and the flow (and, for an assertion, the authenticator), answered once
 * within its life — taken by one atomic `UPDATE … RETURNING` before the answer is verified, so
 * that an answer, right or wrong, uses it up.
 */
import { randomFillSync } from 'node:crypto';
import { createChallenge, settleChallenge } from '../challenge-queries.ts';
import type { FactorDeps } from '../factor.ts';
import { ceremonyTtlSeconds, challengeBytes } from './ceremony-checks.ts';

export type CeremonyKind = 'passkey-registration' | 'passkey-assertion';

/** Fresh challenge bytes, and their base64url form as the browser will sign them. */
export function newChallenge(): { bytes: Uint8Array<ArrayBuffer>; text: string } {
  const bytes = randomFillSync(new Uint8Array(challengeBytes));
  return { bytes, text: Buffer.from(bytes).toString('base64url') };
}

export async function startCeremony(
  deps: Pick<FactorDeps, 'db' | 'now'>,
  input: { kind: CeremonyKind; accountId: string; flowId: string; authenticatorId: string | null },
): Promise<{ id: string; challenge: ReturnType<typeof newChallenge> }> {
  const challenge = newChallenge();
  const row = await createChallenge(deps.db, {
    kind: input.kind,
    accountId: input.accountId,
    flowId: input.flowId,
    authenticatorId: input.authenticatorId,
    payload: { challenge: challenge.text },
    nowMs: deps.now(),
    ttlSeconds: ceremonyTtlSeconds,
  });
  return { id: row.id, challenge };
}

/**
 * Use up the ceremony's challenge: the expected challenge, or nothing when it is not this
 * account's and flow's, not of this kind (or authenticator), already used, or expired.
 */
export async function takeCeremony(
  deps: Pick<FactorDeps, 'db' | 'now'>,
  target: {
    id: string | undefined;
    kind: CeremonyKind;
    accountId: string;
    flowId: string;
    authenticatorId: string | null;
  },
): Promise<string | undefined> {
  if (target.id === undefined) return undefined;
  const row = await settleChallenge(
    deps.db,
    { id: target.id, accountId: target.accountId, flowId: target.flowId },
    'consumed',
    deps.now(),
    { kind: target.kind },
  );
  if (row === undefined) return undefined;
  if (row.authenticator_id !== target.authenticatorId) return undefined;
  const payload = JSON.parse(row.payload) as { challenge?: unknown };
  return typeof payload.challenge === 'string' ? payload.challenge : undefined;
}

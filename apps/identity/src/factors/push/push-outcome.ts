/**
 * What the waiting computer learns of its push (the browser side of issue 7): pending, approved,
 * denied (« Ce n'était pas moi », or the wrong number), expired, or cancelled (a newer push of the
 * flow replaced it). `takePushApproval` takes an approval once (`approved` → `consumed`), so one
 * approval completes one step; `checkPushSettled` is the `check` of `streamUntilSettled`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { SettleCheck } from '../../events/stream-until-settled.ts';
import { type ChallengeTarget, consumeApproval, findChallenge } from '../challenge-queries.ts';
import { pushChallengeKind } from './push-challenge-kind.ts';
import { findPushAnswer } from './push-queries.ts';

export type PushOutcome =
  | { status: 'pending'; expiresAt: number }
  | { status: 'approved' }
  | { status: 'denied'; reason: 'not_me' | 'wrong_number' }
  | { status: 'expired' }
  | { status: 'cancelled' }
  /** The approval was already taken (by this page, or a replay of its request). */
  | { status: 'consumed' };

/**
 * RFC 8176: proof of possession of the device's software-secured key (`swk`), the request
 * matched by the number the user typed (`user` presence is not claimed: no local PIN).
 */
export const pushAmr: readonly string[] = ['swk'];

interface OutcomeDeps {
  db: Kysely<Database>;
  now: () => number;
}

export async function pushOutcome(
  deps: OutcomeDeps,
  target: ChallengeTarget,
): Promise<PushOutcome> {
  const challenge = await findChallenge(deps.db, target);
  if (challenge === undefined || challenge.kind !== pushChallengeKind) return { status: 'expired' };
  const live = challenge.expires_at > deps.now();
  switch (challenge.status) {
    case 'pending':
      return live ? { status: 'pending', expiresAt: challenge.expires_at } : { status: 'expired' };
    case 'approved':
      // An approval is taken within the challenge's life only (consumeApproval).
      return live ? { status: 'approved' } : { status: 'expired' };
    case 'consumed':
      return { status: 'consumed' };
    case 'cancelled':
      return { status: 'cancelled' };
    case 'denied': {
      const answer = await findPushAnswer(deps.db, challenge.id);
      return {
        status: 'denied',
        reason: answer?.decision === 'wrong_number' ? 'wrong_number' : 'not_me',
      };
    }
  }
}

export type TakePushApprovalResult =
  | { ok: true; amr: readonly string[] }
  | { ok: false; outcome: Exclude<PushOutcome, { status: 'approved' }> };

/** Take the approval once; otherwise say what the push came to. */
export async function takePushApproval(
  deps: OutcomeDeps,
  target: ChallengeTarget,
): Promise<TakePushApprovalResult> {
  const outcome = await pushOutcome(deps, target);
  if (outcome.status !== 'approved') return { ok: false, outcome };
  // One statement decides: of two takers of one approval, exactly one gets it.
  const taken = await consumeApproval(deps.db, target, deps.now());
  if (taken !== undefined) return { ok: true, amr: pushAmr };
  const after = await pushOutcome(deps, target);
  return { ok: false, outcome: after.status === 'approved' ? { status: 'consumed' } : after };
}

/** For `streamUntilSettled`: wait while pending, end with the outcome's status as the event. */
export async function checkPushSettled(
  deps: OutcomeDeps,
  target: ChallengeTarget,
): Promise<SettleCheck> {
  const outcome = await pushOutcome(deps, target);
  if (outcome.status === 'pending') return { waitUntil: outcome.expiresAt };
  // A wrong number fails that push only; « Ce n'était pas moi » ends the sign-in (G-48).
  if (outcome.status === 'denied' && outcome.reason === 'wrong_number')
    return { event: 'mismatch' };
  return { event: outcome.status };
}

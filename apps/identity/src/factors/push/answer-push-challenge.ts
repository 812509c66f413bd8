/**
 * A device's answer to a push, once its JWS is checked (devices/verify-push-answer.ts): settled
 * by one atomic statement, so of parallel answers exactly one counts, and never a late one.
 * Approve with the right number → approved. Approve with another number, or none (a bare
 * « Approuver » is never accepted, G-13) → that push fails (denied as `wrong_number`), counted.
 * « Ce n'était pas moi » → denied, counted, audited, and the account's pushes blocked a while
 * (G-48). Failures count under the method's own limits, per account and per address (G-39).
 */
import type { PushAnswerPayload } from '@sesame/contracts';
import type { Kysely } from 'kysely';
import { type AuditEvent, recordAuditEvent } from '../../audit/record-audit-event.ts';
import type { Database, PushAnswerTable } from '../../db/database.ts';
import type { EventBus } from '../../events/event-bus.ts';
import type { AttemptLimiter } from '../../security/attempt-limiter.ts';
import {
  accountPolicy,
  secondFactorIpPolicy,
  secondFactorLimitKey,
} from '../../security/attempt-policy.ts';
import { ipBucket } from '../../security/client-ip.ts';
import type { SecretBox } from '../../security/secret-box.ts';
import { deleteFlow } from '../../sign-in/queries.ts';
import { markAuthenticatorUsed } from '../authenticator-queries.ts';
import { type Challenge, challengeChannel, settleChallenge } from '../challenge-queries.ts';
import { hashPushNumber } from './make-push-number.ts';
import { pushRequestsChannel } from './push-challenge-kind.ts';
import { findDevicePush, recordPushAnswer } from './push-queries.ts';

export interface AnswerPushDeps {
  db: Kysely<Database>;
  box: SecretBox;
  events: EventBus;
  limiter: AttemptLimiter;
  now: () => number;
  /** Told of each answer committed (CIBA turns an approval into its request's grant). */
  onSettled?: (challenge: Challenge, outcome: 'approved' | 'denied') => Promise<void>;
}

export interface AnswerPushInput {
  device: { id: string; account_id: string; authenticator_id: string };
  /** The checked claims of the device's signed answer. */
  answer: PushAnswerPayload;
  ip: string;
  audit: Omit<AuditEvent, 'type' | 'accountId'>;
}

export type AnswerPushResult =
  | { ok: true; outcome: 'approved' | 'denied' }
  | {
      ok: false;
      reason: 'not_found' | 'expired' | 'already_answered' | 'wrong_number' | 'throttled';
    };

type Settled = PushAnswerTable['decision'] | 'lost';

export async function answerPushChallenge(
  deps: AnswerPushDeps,
  input: AnswerPushInput,
): Promise<AnswerPushResult> {
  const nowMs = deps.now();
  const challenge = await findDevicePush(deps.db, input.device, input.answer.cid);
  // Only a push of this device's own account and authenticator: anything else is "not found".
  if (challenge === undefined) return { ok: false, reason: 'not_found' };
  // Single use: an answered (or replaced) push takes no further answer.
  if (challenge.status !== 'pending') return { ok: false, reason: 'already_answered' };
  // 2 minutes (G-14): a late answer is refused, whatever it says.
  if (challenge.expires_at <= nowMs) return { ok: false, reason: 'expired' };
  const reserved = await deps.limiter.reserveAll(
    [
      { key: `second-factor-ip:${ipBucket(input.ip)}`, policy: secondFactorIpPolicy },
      {
        key: secondFactorLimitKey(input.device.account_id, challenge.authenticator_kind),
        policy: accountPolicy,
      },
    ],
    nowMs,
  );
  if (!reserved.allowed) return { ok: false, reason: 'throttled' };
  const target = { id: challenge.id, accountId: challenge.account_id, flowId: challenge.flow_id };
  const settled = await deps.db.transaction().execute(async (trx): Promise<Settled> => {
    const record = async (decision: PushAnswerTable['decision']) => {
      await recordPushAnswer(trx, {
        challenge_id: challenge.id,
        account_id: challenge.account_id,
        device_id: input.device.id,
        decision,
        answered_at: nowMs,
      });
      await recordAuditEvent(
        trx,
        {
          ...input.audit,
          type: `push.${decision}`,
          accountId: challenge.account_id,
          actor: `device:${input.device.id}`,
        },
        nowMs,
      );
      return decision;
    };
    const number = input.answer.num;
    if (input.answer.dec === 'approve' && number !== undefined) {
      const hash = hashPushNumber(deps.box, challenge.id, number);
      // The number decides in the same statement that settles (no read-then-write).
      if (await settleChallenge(trx, target, 'approved', nowMs, { secretHash: hash })) {
        await markAuthenticatorUsed(trx, input.device.authenticator_id, nowMs, false);
        return record('approved');
      }
    }
    if (!(await settleChallenge(trx, target, 'denied', nowMs))) return 'lost';
    // « Ce n'était pas moi » ends that sign-in here, whatever its page does next (G-48).
    if (input.answer.dec === 'deny' && challenge.flow_id !== null)
      await deleteFlow(trx, challenge.flow_id);
    return record(input.answer.dec === 'deny' ? 'denied' : 'wrong_number');
  });
  // A right number gives its reservation back; a parallel answer that won leaves this one
  // unevaluated, so it counts for nothing; a denial and a wrong number stay counted.
  if (settled === 'approved' || settled === 'lost')
    await deps.limiter.settleAll(
      reserved.reservations,
      settled === 'approved' ? 'succeeded' : 'cancelled',
    );
  if (settled === 'lost') return { ok: false, reason: 'already_answered' };
  // After the commit: the waiting page and the device's other streams look again.
  await Promise.all([
    deps.events.publish(challengeChannel(challenge.id), 'settled'),
    deps.events.publish(pushRequestsChannel(input.device.authenticator_id), 'settled'),
  ]).catch(() => undefined);
  await deps.onSettled?.(challenge, settled === 'approved' ? 'approved' : 'denied');
  if (settled === 'wrong_number') return { ok: false, reason: 'wrong_number' };
  return { ok: true, outcome: settled };
}

/**
 * Send a sign-in to the phone for approval (issue 7 §1): a push challenge for one flow and one
 * Sesame Verify authenticator, with the number the computer shows (the organization's
 * `push-number` form), what the phone must show first (application, browser and system, address,
 * time), 2 minutes to live. The flow's earlier push is cancelled (one at a time, G-49). The
 * anti-fatigue rules are decided under a per-account lock (PostgreSQL: an advisory lock; SQLite
 * runs one transaction at a time), so parallel starts cannot exceed them. After the commit, the
 * device hears of it on its stream, and Web Push wakes it.
 */
import { randomUUID } from 'node:crypto';
import type { PushNumberMode } from '@sesame/contracts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import type { EventBus } from '../../events/event-bus.ts';
import { secondFactorLimitKey } from '../../security/attempt-policy.ts';
import type { SecretBox } from '../../security/secret-box.ts';
import { createChallenge } from '../challenge-queries.ts';
import { decidePushAllowed, pushHistorySince } from './decide-push-allowed.ts';
import { describeUserAgent } from './describe-user-agent.ts';
import type { IpPlace } from './locate-ip.ts';
import { hashPushNumber, makePushNumber } from './make-push-number.ts';
import {
  pushChallengeKind,
  pushesPerWindow,
  pushRequestsChannel,
  pushTtlSeconds,
} from './push-challenge-kind.ts';
import { readPushNumberMode } from './push-number-mode.ts';
import { findPushTarget, lastPushAnswerAt, lockedUntil, recentPushTimes } from './push-queries.ts';
import type { PushService } from './push-service.ts';

export interface PushDeps {
  db: Kysely<Database>;
  box: SecretBox;
  events: EventBus;
  now: () => number;
  push: PushService;
}

export interface StartPushInput {
  accountId: string;
  /** The sign-in flow asking; null for an operation approved outside a sign-in (CIBA). */
  flowId: string | null;
  /** The account's Sesame Verify authenticator whose device is asked. */
  authenticatorId: string;
  /** Of the computer asking: shown on the phone. */
  ip: string;
  userAgent: string | undefined;
  /** The application signing in (« Espace client »). */
  clientName: string;
  nowMs: number;
  /**
   * An approval asked by an application through CIBA (oidc/ciba.ts): its request id, its binding
   * message (« Ajouter le bénéficiaire Marie Tremblay ? »), and the number the application shows,
   * which Sesame does not choose (typed, 6 digits).
   */
  backchannel?: { requestId: string; bindingMessage: string; number: string };
}

/** What the phone shows (the challenge's payload); the number itself is only in `secret_hash`. */
export interface PushPayload {
  application: string;
  browser: string | null;
  system: string | null;
  ip: string;
  /** The city and country of `ip`, when a GeoIP database is configured. */
  place?: IpPlace;
  mode: PushNumberMode;
  choices?: string[];
  /** CIBA: what the application asks the user to approve, and its request. */
  bindingMessage?: string;
  backchannelRequestId?: string;
}

export type StartPushResult =
  | { ok: true; challenge: { id: string; expiresAt: number; display: string } }
  | { ok: false; reason: 'throttled' | 'blocked'; retryAt: number }
  /** The authenticator is not an active one of this account with a device. */
  | { ok: false; reason: 'unavailable' };

export async function startPushChallenge(
  deps: PushDeps,
  input: StartPushInput,
): Promise<StartPushResult> {
  const { nowMs } = input;
  const started = await deps.db.transaction().execute(async (trx): Promise<StartPushResult> => {
    if (isPostgres(trx))
      await sql`select pg_advisory_xact_lock(hashtext(${`push:${input.accountId}`}))`.execute(trx);
    const target = await findPushTarget(trx, input.accountId, input.authenticatorId);
    if (target === undefined) return { ok: false, reason: 'unavailable' };
    const allowance = decidePushAllowed(
      {
        lastDenialAt: await lastPushAnswerAt(trx, input.accountId, 'denied'),
        lastApprovalAt: await lastPushAnswerAt(trx, input.accountId, 'approved'),
        recentPushTimes: await recentPushTimes(
          trx,
          input.accountId,
          pushHistorySince(nowMs),
          pushesPerWindow,
        ),
        methodLockedUntil: await lockedUntil(
          trx,
          secondFactorLimitKey(input.accountId, target.kind),
          nowMs,
        ),
      },
      nowMs,
      deps.push.denialBlockSeconds,
    );
    if (!allowance.allowed)
      return { ok: false, reason: allowance.reason, retryAt: allowance.retryAt };
    const { backchannel } = input;
    const mode = backchannel === undefined ? await readPushNumberMode(trx) : 'typed-6';
    const number =
      backchannel === undefined ? makePushNumber(mode) : { display: backchannel.number };
    const { browser, system } = describeUserAgent(input.userAgent);
    const payload: PushPayload = {
      application: input.clientName,
      browser,
      system,
      ip: input.ip,
      ...placeOfSignIn(deps.push, input),
      mode,
      ...('choices' in number && number.choices ? { choices: number.choices } : {}),
      ...(backchannel === undefined
        ? {}
        : {
            bindingMessage: backchannel.bindingMessage,
            backchannelRequestId: backchannel.requestId,
          }),
    };
    const id = randomUUID();
    const challenge = await createChallenge(trx, {
      id,
      kind: pushChallengeKind,
      accountId: input.accountId,
      flowId: input.flowId,
      authenticatorId: input.authenticatorId,
      secretHash: hashPushNumber(deps.box, id, number.display),
      payload: { ...payload },
      nowMs,
      ttlSeconds: pushTtlSeconds,
    });
    return {
      ok: true,
      challenge: { id, expiresAt: challenge.expires_at, display: number.display },
    };
  });
  if (!started.ok) return started;
  // After the commit, so that what hears it finds the row. Hints only: a lost one costs the
  // device a look at its next open (G-47), never the start.
  await deps.events
    .publish(pushRequestsChannel(input.authenticatorId), 'new')
    .catch(() => undefined);
  deps.push.wake(input.authenticatorId, {
    type: 'push-request',
    id: started.challenge.id,
    application: input.clientName,
    expiresAt: started.challenge.expiresAt,
    ...(input.backchannel === undefined ? {} : { operation: true }),
  });
  return started;
}

/** A sign-in's place; an operation asked by an application's server has no address of the client's. */
function placeOfSignIn(push: PushService, input: StartPushInput): { place?: IpPlace } {
  if (input.backchannel !== undefined) return {};
  const place = push.locate(input.ip);
  return place === undefined ? {} : { place };
}

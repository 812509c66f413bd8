/**
 * The SQL of push approval: a device's pending requests, the answers devices gave, and what the
 * anti-fatigue rules read (recent pushes, the last approval, the last denial).
 */
import type { Kysely } from 'kysely';
import type { Database, PushAnswerTable } from '../../db/database.ts';
import { type Challenge, recentChallengeTimes } from '../challenge-queries.ts';
import { pushChallengeKind } from './push-challenge-kind.ts';

/** The requests an authenticator's device may still answer, oldest first. */
export async function listPendingPushes(
  db: Kysely<Database>,
  device: { account_id: string; authenticator_id: string },
  nowMs: number,
): Promise<Challenge[]> {
  return db
    .selectFrom('challenges')
    .selectAll()
    .where('kind', '=', pushChallengeKind)
    .where('account_id', '=', device.account_id)
    .where('authenticator_id', '=', device.authenticator_id)
    .where('status', '=', 'pending')
    .where('expires_at', '>', nowMs)
    .orderBy('created_at')
    .execute();
}

/** One push challenge of this device's account and authenticator, whatever its state. */
export async function findDevicePush(
  db: Kysely<Database>,
  device: { account_id: string; authenticator_id: string },
  challengeId: string,
): Promise<(Challenge & { authenticator_kind: string }) | undefined> {
  return db
    .selectFrom('challenges')
    .innerJoin('authenticators', 'authenticators.id', 'challenges.authenticator_id')
    .selectAll('challenges')
    .select('authenticators.kind as authenticator_kind')
    .where('challenges.id', '=', challengeId)
    .where('challenges.kind', '=', pushChallengeKind)
    .where('challenges.account_id', '=', device.account_id)
    .where('challenges.authenticator_id', '=', device.authenticator_id)
    .executeTakeFirst();
}

export async function recordPushAnswer(
  db: Kysely<Database>,
  answer: PushAnswerTable,
): Promise<void> {
  await db.insertInto('push_answers').values(answer).execute();
}

export async function findPushAnswer(
  db: Kysely<Database>,
  challengeId: string,
): Promise<PushAnswerTable | undefined> {
  return db
    .selectFrom('push_answers')
    .selectAll()
    .where('challenge_id', '=', challengeId)
    .executeTakeFirst();
}

/** When the account last answered with this decision (undefined: never). */
export async function lastPushAnswerAt(
  db: Kysely<Database>,
  accountId: string,
  decision: PushAnswerTable['decision'],
): Promise<number | undefined> {
  const row = await db
    .selectFrom('push_answers')
    .select((eb) => eb.fn.max('answered_at').as('at'))
    .where('account_id', '=', accountId)
    .where('decision', '=', decision)
    .executeTakeFirst();
  return row?.at === null || row?.at === undefined ? undefined : Number(row.at);
}

/** The creation times of the account's pushes since `sinceMs`, newest first, at most `limit`. */
export async function recentPushTimes(
  db: Kysely<Database>,
  accountId: string,
  sinceMs: number,
  limit: number,
): Promise<number[]> {
  return recentChallengeTimes(db, { accountId, kind: pushChallengeKind, sinceMs, limit });
}

/** The Sesame Verify authenticator (active, with its device) that a push goes to. */
export async function findPushTarget(
  db: Kysely<Database>,
  accountId: string,
  authenticatorId: string,
): Promise<{ kind: string; device_id: string } | undefined> {
  return db
    .selectFrom('authenticators')
    .innerJoin('devices', 'devices.authenticator_id', 'authenticators.id')
    .select(['authenticators.kind', 'devices.id as device_id'])
    .where('authenticators.id', '=', authenticatorId)
    .where('authenticators.account_id', '=', accountId)
    .where('authenticators.status', '=', 'active')
    .executeTakeFirst();
}

/** The end of a lock on an attempt counter, if it is locked now. */
export async function lockedUntil(
  db: Kysely<Database>,
  key: string,
  nowMs: number,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('attempt_counters')
    .select('locked_until')
    .where('key', '=', key)
    .where('locked_until', '>', nowMs)
    .executeTakeFirst();
  return row?.locked_until === null || row === undefined ? undefined : Number(row.locked_until);
}

/** The account's active authenticator with a registered device to push to (the last used), if any. */
export async function findAccountPushTarget(
  db: Kysely<Database>,
  accountId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('authenticators')
    .innerJoin('devices', 'devices.authenticator_id', 'authenticators.id')
    .select('authenticators.id')
    .where('authenticators.account_id', '=', accountId)
    .where('authenticators.status', '=', 'active')
    .orderBy('authenticators.last_used_at', 'desc')
    .executeTakeFirst();
  return row?.id;
}

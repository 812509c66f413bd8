/**
 * Send a code (« Envoyer un code », « Renvoyer le code »): a new `challenges` row for the flow
 * and authenticator — which cancels the flow's previous code of the method (one at a time) —
 * under the sending rules (sent-code-rules.ts: a resend of the flow, codes of the account), decided under a per-account lock (PostgreSQL: an
 * advisory lock; SQLite runs one transaction at a time) so that parallel sends cannot exceed them.
 * Then, after the commit, the code leaves for the account's own address or number; if it cannot,
 * the code stops waiting. The failure counters are not touched: a resend never resets them (G-08).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { isPostgres } from '../../db/dialect.ts';
import { secondFactorLimitKey } from '../../security/attempt-policy.ts';
import type { Translate } from '../../ui/i18n/messages.ts';
import { createChallenge, recentChallengeTimes } from '../challenge-queries.ts';
import type { ChallengeStart, FactorDeps } from '../factor.ts';
import { lockedUntil } from '../push/push-queries.ts';
import { hashSentCode, makeSentCode } from './make-sent-code.ts';
import type { SentCodeChannel } from './sent-code-channel.ts';
import { cancelCode } from './sent-code-queries.ts';
import {
  decideSendAllowed,
  resendIntervalSeconds,
  sendsPerWindow,
  sendWindowSeconds,
  sentCodeTtlSeconds,
} from './sent-code-rules.ts';

export interface IssueInput {
  accountId: string;
  flowId: string;
  authenticatorId: string;
  /** Where it goes: the account's own (the caller read it from the account, never the request). */
  destination: string;
  t: Translate;
}

export async function issueSentCode(
  deps: FactorDeps,
  channel: SentCodeChannel,
  input: IssueInput,
): Promise<ChallengeStart> {
  const nowMs = deps.now();
  const code = makeSentCode();
  const issued = await deps.db.transaction().execute(async (trx): Promise<ChallengeStart> => {
    if (isPostgres(trx))
      await sql`select pg_advisory_xact_lock(hashtext(${`sent-code:${input.accountId}`}))`.execute(
        trx,
      );
    const allowance = decideSendAllowed(
      {
        sentTimes: await recentChallengeTimes(trx, {
          accountId: input.accountId,
          kind: channel.kind,
          sinceMs: nowMs - sendWindowSeconds * 1000,
          limit: sendsPerWindow,
        }),
        lastInFlowAt: (
          await recentChallengeTimes(trx, {
            accountId: input.accountId,
            kind: channel.kind,
            flowId: input.flowId,
            sinceMs: nowMs - resendIntervalSeconds * 1000,
            limit: 1,
          })
        )[0],
        methodLockedUntil: await lockedUntil(
          trx,
          secondFactorLimitKey(input.accountId, channel.kind),
          nowMs,
        ),
      },
      nowMs,
    );
    if (!allowance.allowed)
      return { ok: false, reason: allowance.reason, retryAt: allowance.retryAt };
    const id = randomUUID();
    await createChallenge(trx, {
      id,
      kind: channel.kind,
      accountId: input.accountId,
      flowId: input.flowId,
      authenticatorId: input.authenticatorId,
      secretHash: hashSentCode(deps.box, id, code),
      payload: { destination: input.destination },
      nowMs,
      ttlSeconds: sentCodeTtlSeconds,
    });
    return { ok: true, challengeId: id, number: '' };
  });
  if (!issued.ok) return issued;
  try {
    await channel.deliver(deps, input.destination, code, input.t);
  } catch (error) {
    // Not sent: it cannot be answered, and the page says so (the provider's error is not shown);
    // the operator's log names the method and the error's code, never the message or the code.
    deps.warn?.({ kind: channel.kind, code: errorCode(error) }, 'a sent code was not delivered');
    await cancelCode(deps.db, issued.challengeId, deps.now());
    return { ok: false, reason: 'undelivered' };
  }
  return issued;
}

/** An error's code (the SMS provider's, SMTP's `responseCode`, a socket's `code`), or its name. */
function errorCode(error: unknown): string {
  const { code, responseCode, name } = (error ?? {}) as {
    code?: unknown;
    responseCode?: unknown;
    name?: unknown;
  };
  return String(code ?? responseCode ?? name ?? 'unknown');
}

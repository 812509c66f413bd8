/**
 * The password step. Every outcome costs one argon2id verification (a dummy one for unknown or
 * locked accounts) and every attempt is reserved in the limiter before it is evaluated, per
 * canonical account and per client IP range (G-07, G-09, G-10, G-11, G-35).
 */
import type { Kysely } from 'kysely';
import { canonicalizeIdentifier } from '../accounts/canonical-identifier.ts';
import { noPasswordHash } from '../accounts/create-account.ts';
import type { PasswordHasher } from '../accounts/password-hasher.ts';
import {
  type Account,
  findAccountByIdentifier,
  holdAccountRow,
  rehashPassword,
} from '../accounts/queries.ts';
import type { Database } from '../db/database.ts';
import type { AttemptLimiter } from '../security/attempt-limiter.ts';
import { accountLimitKey, accountPolicy, ipPolicy } from '../security/attempt-policy.ts';
import { ipBucket } from '../security/client-ip.ts';
import { withAttemptLimit } from '../security/with-attempt-limit.ts';

export interface CheckPasswordDeps {
  db: Kysely<Database>;
  hasher: PasswordHasher;
  limiter: AttemptLimiter;
  now: () => number;
}

export type CheckPasswordResult =
  | {
      ok: true;
      account: Account;
      /** The hash the password matched (after any rehash): the step counts only while it holds. */
      verifiedPasswordHash: string;
    }
  | {
      ok: false;
      reason: 'unknown_account' | 'bad_password' | 'account_locked' | 'throttled';
      accountId: string | null;
    };

export async function checkPassword(
  deps: CheckPasswordDeps,
  input: {
    identifier: string;
    password: string;
    ip: string;
    /**
     * The caller's writes of a success (its audit event, the flow's advance), in the transaction
     * that releases the limits and stores any rehash, with the hash that then holds.
     */
    recordSuccess?: (
      trx: Kysely<Database>,
      success: { account: Account; verifiedPasswordHash: string },
    ) => Promise<void>;
  },
): Promise<CheckPasswordResult> {
  const canonical = canonicalizeIdentifier(input.identifier);
  const account = canonical === '' ? undefined : await findAccountByIdentifier(deps.db, canonical);
  const accountId = account?.id ?? null;
  // G-10: one counter per canonical subject, whatever variant of the name was typed.
  const subjectKey = account ? accountLimitKey(account.id) : `identifier:${canonical}`;
  const limits = [
    { key: `ip:${ipBucket(input.ip)}`, policy: ipPolicy },
    { key: subjectKey, policy: accountPolicy },
  ];
  const checked = await withAttemptLimit(
    deps.limiter,
    { limits, nowMs: deps.now() },
    async (settleIn): Promise<CheckPasswordResult> => {
      // An invited account that has not chosen its password yet costs the same as an unknown one.
      if (
        account === undefined ||
        account.locked === 1 ||
        account.password_hash === noPasswordHash
      ) {
        await deps.hasher.verifyDummy(input.password);
        const reason =
          account === undefined
            ? 'unknown_account'
            : account.locked === 1
              ? 'account_locked'
              : 'bad_password';
        return { ok: false, reason, accountId };
      }
      if (!(await deps.hasher.verify(account.password_hash, input.password)))
        return { ok: false, reason: 'bad_password', accountId };
      const verified = account.password_hash;
      const replacement = deps.hasher.needsRehash(verified)
        ? await deps.hasher.hash(input.password)
        : undefined;
      // The limits' release, any rehash and the caller's record of the success: one transaction.
      const verifiedPasswordHash = await deps.db.transaction().execute(async (trx) => {
        // Deleted since it was read: no success is written in its name (nor its counter kept).
        if (!(await holdAccountRow(trx, account.id))) {
          await trx.deleteFrom('attempt_counters').where('key', '=', subjectKey).execute();
          return undefined;
        }
        await settleIn(trx);
        // Compare-and-swap: if a new password was set meanwhile, the old one is not put back, and
        // the step will not count (its verified hash is no longer the account's).
        const holds =
          replacement !== undefined &&
          (await rehashPassword(trx, account.id, { verified, replacement }, deps.now()))
            ? replacement
            : verified;
        await input.recordSuccess?.(trx, { account, verifiedPasswordHash: holds });
        return holds;
      });
      if (verifiedPasswordHash === undefined)
        return { ok: false, reason: 'unknown_account', accountId: null };
      return { ok: true, account, verifiedPasswordHash };
    },
  );
  if (checked.limited) {
    // Throttled: still spend a verification, so timing does not tell a lock from a wrong password.
    await deps.hasher.verifyDummy(input.password);
    return { ok: false, reason: 'throttled', accountId };
  }
  return checked.value;
}

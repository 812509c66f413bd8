/**
 * The password step. Every outcome costs one argon2id verification (a dummy one for unknown or
 * locked accounts) and every attempt is reserved in the limiter before it is evaluated, per
 * canonical account and per client IP range (G-07, G-09, G-10, G-11, G-35).
 */
import type { Kysely } from 'kysely';
import { canonicalizeIdentifier } from '../accounts/canonical-identifier.ts';
import type { PasswordHasher } from '../accounts/password-hasher.ts';
import { type Account, findAccountByIdentifier, updatePasswordHash } from '../accounts/queries.ts';
import type { Database } from '../db/database.ts';
import type { AttemptLimiter, Reservation } from '../security/attempt-limiter.ts';
import { accountLimitKey, accountPolicy, ipPolicy } from '../security/attempt-policy.ts';
import { ipBucket } from '../security/client-ip.ts';

export interface CheckPasswordDeps {
  db: Kysely<Database>;
  hasher: PasswordHasher;
  limiter: AttemptLimiter;
  now: () => number;
}

export type CheckPasswordResult =
  | { ok: true; account: Account }
  | {
      ok: false;
      reason: 'unknown_account' | 'bad_password' | 'account_locked' | 'throttled';
      accountId: string | null;
    };

export async function checkPassword(
  deps: CheckPasswordDeps,
  input: { identifier: string; password: string; ip: string },
): Promise<CheckPasswordResult> {
  const canonical = canonicalizeIdentifier(input.identifier);
  const account = canonical === '' ? undefined : await findAccountByIdentifier(deps.db, canonical);
  const accountId = account?.id ?? null;
  // G-10: one counter per canonical subject, whatever variant of the name was typed.
  const subjectKey = account ? accountLimitKey(account.id) : `identifier:${canonical}`;
  const reservations = await reserveAll(deps, [
    [`ip:${ipBucket(input.ip)}`, ipPolicy],
    [subjectKey, accountPolicy],
  ]);
  if (reservations === undefined) {
    // Throttled: still spend a verification, so timing does not tell a lock from a wrong password.
    await deps.hasher.verifyDummy(input.password);
    return { ok: false, reason: 'throttled', accountId };
  }
  if (account === undefined || account.locked === 1) {
    await deps.hasher.verifyDummy(input.password);
    return { ok: false, reason: account ? 'account_locked' : 'unknown_account', accountId };
  }
  if (!(await deps.hasher.verify(account.password_hash, input.password))) {
    return { ok: false, reason: 'bad_password', accountId };
  }
  await Promise.all(reservations.map((reservation) => deps.limiter.release(reservation)));
  if (deps.hasher.needsRehash(account.password_hash)) {
    await updatePasswordHash(
      deps.db,
      account.id,
      await deps.hasher.hash(input.password),
      deps.now(),
    );
  }
  return { ok: true, account };
}

async function reserveAll(
  deps: CheckPasswordDeps,
  keys: Array<[string, typeof accountPolicy]>,
): Promise<Reservation[] | undefined> {
  const reservations: Reservation[] = [];
  for (const [key, policy] of keys) {
    const result = await deps.limiter.reserve(key, policy, deps.now());
    if (!result.allowed) {
      // Take back what was reserved so far: this attempt is refused, not evaluated.
      await Promise.all(reservations.map((reservation) => deps.limiter.cancel(reservation)));
      return undefined;
    }
    reservations.push(result.reservation);
  }
  return reservations;
}

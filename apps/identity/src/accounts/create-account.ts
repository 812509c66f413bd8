/**
 * Create an account (CLI, demo account, later the admin API): validate at the edge, check the
 * password policy against the person's own words, hash with argon2id, insert atomically.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { readOrgMfaRequired } from '../policy/mfa-policy.ts';
import { validateEmail, validateUsername } from './canonical-identifier.ts';
import type { PasswordHasher } from './password-hasher.ts';
import { checkPasswordPolicy } from './password-policy.ts';
import { insertAccount, isIdentifierTaken } from './queries.ts';

export interface NewAccountInput {
  username: string;
  email?: string | undefined;
  name?: string | undefined;
  /** null: no usable password yet (an invitation's link sets it: lifecycle/). */
  password: string | null;
}

/**
 * The stored hash of an account without a password: no PHC string, so no password verifies
 * against it (the password step spends a dummy verification on it, as for an unknown account).
 */
export const noPasswordHash = '!no-password';

export type CreateAccountResult =
  | { ok: true; accountId: string }
  | {
      ok: false;
      code:
        | 'accounts.invalid_username'
        | 'accounts.invalid_email'
        | 'accounts.identifier_taken'
        | 'accounts.weak_password';
      reason: string;
    };

export async function createAccount(
  deps: { db: Kysely<Database>; hasher: PasswordHasher; now: () => number },
  input: NewAccountInput,
): Promise<CreateAccountResult> {
  const username = validateUsername(input.username);
  if (!username.ok)
    return { ok: false, code: 'accounts.invalid_username', reason: username.reason };
  const email = input.email === undefined ? undefined : validateEmail(input.email);
  if (email !== undefined && !email.ok)
    return { ok: false, code: 'accounts.invalid_email', reason: email.reason };
  const policy =
    input.password === null
      ? ({ ok: true } as const)
      : checkPasswordPolicy(input.password, {
          username: input.username,
          email: input.email,
          name: input.name,
          // A new account needs MFA only if the organization requires it for everyone.
          passwordOnly: !(await readOrgMfaRequired(deps.db)),
        });
  if (!policy.ok) return { ok: false, code: 'accounts.weak_password', reason: policy.reason };
  const canonicals = [username.canonical, ...(email ? [email.canonical] : [])];
  if (await isIdentifierTaken(deps.db, canonicals)) return takenResult();
  const id = randomUUID();
  try {
    await insertAccount(deps.db, {
      id,
      username: input.username.trim(),
      canonicalUsername: username.canonical,
      email: input.email?.trim() ?? null,
      canonicalEmail: email?.canonical ?? null,
      name: input.name?.trim() || input.username.trim(),
      passwordHash:
        input.password === null ? noPasswordHash : await deps.hasher.hash(input.password),
      nowMs: deps.now(),
    });
  } catch (error) {
    // Two creations racing for one identifier: the unique key lets one win, the other gets this.
    if (await isIdentifierTaken(deps.db, canonicals)) return takenResult();
    throw error;
  }
  return { ok: true, accountId: id };
}

function takenResult(): CreateAccountResult {
  return { ok: false, code: 'accounts.identifier_taken', reason: 'taken' };
}

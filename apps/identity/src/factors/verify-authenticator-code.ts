/**
 * Check a 6-digit code against one authenticator (Sesame Verify and other apps both hold a TOTP
 * secret), then consume its step atomically. `activate` confirms a pending authenticator (the
 * first valid code makes it active, G-05); otherwise only active ones are checked.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AttemptLimiter } from '../security/attempt-limiter.ts';
import {
  accountPolicy,
  secondFactorIpPolicy,
  secondFactorLimitKey,
} from '../security/attempt-policy.ts';
import { ipBucket } from '../security/client-ip.ts';
import type { SecretBox } from '../security/secret-box.ts';
import { withAttemptLimit } from '../security/with-attempt-limit.ts';
import { type Authenticator, consumeTotpStep } from './authenticator-queries.ts';
import { checkTotpCode } from './totp/totp-code.ts';
import { decodeTotpSecret } from './totp/totp-secret.ts';

export function totpSecretPurpose(authenticatorId: string): string {
  return `totp-secret:${authenticatorId}`;
}

export function openTotpSecret(box: SecretBox, authenticator: Authenticator): Uint8Array {
  const secret = decodeTotpSecret(
    box.open(authenticator.sealed_secret, totpSecretPurpose(authenticator.id)),
  );
  if (secret === undefined) throw new Error('stored TOTP secret is not Base32');
  return secret;
}

export type CodeCheck = { ok: true } | { ok: false; reason: 'invalid' | 'replayed' };

export async function verifyAuthenticatorCode(
  deps: { db: Kysely<Database>; box: SecretBox; now: () => number },
  authenticator: Authenticator,
  code: string,
  options: { activate: boolean } = { activate: false },
): Promise<CodeCheck> {
  // Only the state this check expects: pending when confirming, active when signing in.
  if (authenticator.status !== (options.activate ? 'pending' : 'active'))
    return { ok: false, reason: 'invalid' };
  const nowMs = deps.now();
  const checked = checkTotpCode({
    secret: openTotpSecret(deps.box, authenticator),
    code,
    nowMs,
    lastUsedStep: authenticator.last_used_step,
  });
  if (!checked.ok) return checked;
  // The row may have moved on since it was read (a parallel request): the UPDATE decides.
  const consumed = await consumeTotpStep(
    deps.db,
    authenticator.id,
    checked.step,
    nowMs,
    options.activate,
  );
  return consumed ? { ok: true } : { ok: false, reason: 'replayed' };
}

/**
 * A typed code under its own failure limits (G-39): per source address, and per account and
 * method — never the password's counter, so a password success clears nothing here. Refused
 * unevaluated while locked; a missing authenticator counts as wrong.
 */
export async function verifyCodeWithinLimit(
  deps: { db: Kysely<Database>; box: SecretBox; limiter: AttemptLimiter; now: () => number },
  input: {
    accountId: string;
    authenticator: Authenticator | undefined;
    code: string;
    ip: string;
    activate?: boolean;
  },
): Promise<CodeCheck | { ok: false; reason: 'throttled' }> {
  const { authenticator } = input;
  const limits = [
    { key: `second-factor-ip:${ipBucket(input.ip)}`, policy: secondFactorIpPolicy },
    {
      key: secondFactorLimitKey(input.accountId, authenticator?.kind ?? 'code'),
      policy: accountPolicy,
    },
  ];
  const checked = await withAttemptLimit(
    deps.limiter,
    { limits, nowMs: deps.now() },
    async (): Promise<CodeCheck> =>
      authenticator
        ? verifyAuthenticatorCode(deps, authenticator, input.code, {
            activate: input.activate ?? false,
          })
        : { ok: false, reason: 'invalid' },
  );
  return checked.limited ? { ok: false, reason: 'throttled' } : checked.value;
}

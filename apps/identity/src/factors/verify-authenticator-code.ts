/**
 * Check a 6-digit code against one authenticator (Sesame Verify and other apps both hold a TOTP
 * secret), then consume its step atomically. `activate` confirms a pending authenticator (the
 * first valid code makes it active, G-05); otherwise only active ones are checked.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { SecretBox } from '../security/secret-box.ts';
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

/**
 * The code methods' own storage (Sesame Verify and other authenticator apps both hold a TOTP
 * secret): the sealed secret of an authenticator and the last time step accepted, consumed by one
 * atomic statement (RFC 6238 §5.2, G-02).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { SecretBox } from '../../security/secret-box.ts';
import { decodeTotpSecret, encodeTotpSecret } from './totp-secret.ts';

export function totpSecretPurpose(authenticatorId: string): string {
  return `totp-secret:${authenticatorId}`;
}

/** Keep an authenticator's secret, sealed (in the caller's transaction when there is one). */
export async function storeTotpSecret(
  db: Kysely<Database>,
  box: SecretBox,
  authenticatorId: string,
  secret: Uint8Array,
): Promise<void> {
  await db
    .insertInto('totp_secrets')
    .values({
      authenticator_id: authenticatorId,
      sealed_secret: box.seal(encodeTotpSecret(secret), totpSecretPurpose(authenticatorId)),
      last_used_step: null,
    })
    .execute();
}

export interface StoredTotpSecret {
  secret: Uint8Array;
  lastUsedStep: number | null;
}

export async function readTotpSecret(
  db: Kysely<Database>,
  box: SecretBox,
  authenticatorId: string,
): Promise<StoredTotpSecret | undefined> {
  const row = await db
    .selectFrom('totp_secrets')
    .select(['sealed_secret', 'last_used_step'])
    .where('authenticator_id', '=', authenticatorId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const secret = decodeTotpSecret(box.open(row.sealed_secret, totpSecretPurpose(authenticatorId)));
  if (secret === undefined) throw new Error('stored TOTP secret is not Base32');
  return { secret, lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step) };
}

/**
 * Consume a TOTP step: one statement that succeeds only if the step is later than the last one
 * accepted, so the same code sent twice in parallel is accepted once (RFC 6238 §5.2, G-02).
 */
export async function consumeTotpStep(
  db: Kysely<Database>,
  authenticatorId: string,
  step: number,
): Promise<boolean> {
  const result = await db
    .updateTable('totp_secrets')
    .set({ last_used_step: step })
    .where('authenticator_id', '=', authenticatorId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Test helper: authenticator and device rows written straight to the database, for tests about
 * the MFA policy and its administration rather than about enrollment.
 */
import type { Kysely } from 'kysely';
import type { AuthenticatorTable, Database } from '../db/database.ts';

export async function insertAuthenticator(
  db: Kysely<Database>,
  row: { id: string; accountId: string; status: AuthenticatorTable['status']; nowMs: number },
): Promise<void> {
  await db
    .insertInto('authenticators')
    .values({
      id: row.id,
      account_id: row.accountId,
      kind: 'totp',
      status: row.status,
      label: `app ${row.id}`,
      created_at: row.nowMs,
      activated_at: row.status === 'active' ? row.nowMs : null,
      last_used_at: null,
    })
    .execute();
}

export async function insertDevice(
  db: Kysely<Database>,
  row: { id: string; accountId: string; authenticatorId: string; nowMs: number },
): Promise<void> {
  await db
    .insertInto('devices')
    .values({
      id: row.id,
      account_id: row.accountId,
      authenticator_id: row.authenticatorId,
      platform: 'ios',
      name: `iPhone ${row.id}`,
      public_jwk: '{"kty":"EC","crv":"P-256"}',
      created_at: row.nowMs,
      last_seen_at: null,
    })
    .execute();
}

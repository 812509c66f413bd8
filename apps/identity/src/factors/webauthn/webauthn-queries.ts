/**
 * The passkey method's own storage: one credential per authenticator (its id, COSE public key,
 * signature counter and backup flags), and the challenges of a sign-in without password, bound to
 * the sign-in flow. Counters advance by compare-and-swap; challenges are consumed by one
 * `UPDATE … WHERE status = 'pending' … RETURNING` (ADR 0004).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, WebauthnCredentialTable } from '../../db/database.ts';
import type { Authenticator } from '../factor.ts';
import { passkeyKind } from './passkey-kind.ts';

export type StoredCredential = Selectable<WebauthnCredentialTable>;

export interface NewPasskey {
  id: string;
  accountId: string;
  flowId: string;
  label: string;
  nowMs: number;
  credential: Omit<StoredCredential, 'authenticator_id'>;
}

/** Keep a registered passkey: its authenticator, active at once (the ceremony confirmed it). */
export async function insertPasskey(trx: Kysely<Database>, passkey: NewPasskey): Promise<void> {
  await trx
    .insertInto('authenticators')
    .values({
      id: passkey.id,
      account_id: passkey.accountId,
      kind: passkeyKind,
      status: 'active',
      label: passkey.label,
      created_at: passkey.nowMs,
      activated_at: passkey.nowMs,
      last_used_at: null,
      flow_id: passkey.flowId,
    })
    .execute();
  await trx
    .insertInto('webauthn_credentials')
    .values({ ...passkey.credential, authenticator_id: passkey.id })
    .execute();
}

/** Every credential the account holds (for `excludeCredentials`: no key registered twice). */
export async function listAccountCredentials(
  db: Kysely<Database>,
  accountId: string,
): Promise<Array<Pick<StoredCredential, 'credential_id' | 'transports'>>> {
  return db
    .selectFrom('webauthn_credentials')
    .innerJoin('authenticators', 'authenticators.id', 'webauthn_credentials.authenticator_id')
    .select(['webauthn_credentials.credential_id', 'webauthn_credentials.transports'])
    .where('authenticators.account_id', '=', accountId)
    .execute();
}

export async function credentialExists(
  db: Kysely<Database>,
  credentialId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('webauthn_credentials')
    .select('authenticator_id')
    .where('credential_id', '=', credentialId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findCredentialOf(
  db: Kysely<Database>,
  authenticatorId: string,
): Promise<StoredCredential | undefined> {
  return db
    .selectFrom('webauthn_credentials')
    .selectAll()
    .where('authenticator_id', '=', authenticatorId)
    .executeTakeFirst();
}

/** An active passkey by its credential id, with its authenticator (a sign-in without password). */
export async function findActivePasskey(
  db: Kysely<Database>,
  credentialId: string,
): Promise<{ credential: StoredCredential; authenticator: Authenticator } | undefined> {
  const credential = await db
    .selectFrom('webauthn_credentials')
    .selectAll()
    .where('credential_id', '=', credentialId)
    .executeTakeFirst();
  if (credential === undefined) return undefined;
  const authenticator = await db
    .selectFrom('authenticators')
    .selectAll()
    .where('id', '=', credential.authenticator_id)
    .where('kind', '=', passkeyKind)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return authenticator === undefined ? undefined : { credential, authenticator };
}

/**
 * Record an assertion's counter and flags, only if the counter is still the one read: of two
 * parallel uses of one counter value, one is recorded (the other is a regression).
 */
export async function advanceSignCount(
  trx: Kysely<Database>,
  authenticatorId: string,
  change: { from: number; to: number; backedUp: boolean },
): Promise<boolean> {
  const result = await trx
    .updateTable('webauthn_credentials')
    .set({ sign_count: change.to, backed_up: change.backedUp ? 1 : 0 })
    .where('authenticator_id', '=', authenticatorId)
    .where('sign_count', '=', change.from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A sign-in without password's challenge, for this flow; the flow's previous one is cancelled. */
export async function createSignInChallenge(
  db: Kysely<Database>,
  input: { flowId: string; challenge: string; nowMs: number; ttlSeconds: number },
): Promise<string> {
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('passkey_sign_in_challenges')
      .set({ status: 'cancelled' })
      .where('flow_id', '=', input.flowId)
      .where('status', '=', 'pending')
      .execute();
    await trx
      .insertInto('passkey_sign_in_challenges')
      .values({
        id,
        flow_id: input.flowId,
        challenge: input.challenge,
        status: 'pending',
        created_at: input.nowMs,
        expires_at: input.nowMs + input.ttlSeconds * 1000,
      })
      .execute();
  });
  return id;
}

/** Take a pending, unexpired challenge of this flow once; its value, or nothing. */
export async function consumeSignInChallenge(
  db: Kysely<Database>,
  target: { id: string; flowId: string },
  nowMs: number,
): Promise<string | undefined> {
  const row = await db
    .updateTable('passkey_sign_in_challenges')
    .set({ status: 'consumed' })
    .where('id', '=', target.id)
    .where('flow_id', '=', target.flowId)
    .where('status', '=', 'pending')
    .where('expires_at', '>', nowMs)
    .returning('challenge')
    .executeTakeFirst();
  return row?.challenge;
}

/**
 * Passkeys (factors/webauthn/): each credential is one authenticator (kind, label, status in
 * `authenticators`) with its own row here — the credential id, its COSE public key, the signature
 * counter and the backup flags the authenticator reported. The challenges of a passkey's
 * registration and of its use as a second factor are rows of `challenges` (ADR 0004); a sign-in
 * without password starts before any account is known, so its challenges, bound to the sign-in
 * flow only, have a table of their own.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webauthn_credentials')
    .addColumn('authenticator_id', 'text', (c) =>
      c.primaryKey().references('authenticators.id').onDelete('cascade'),
    )
    .addColumn('credential_id', 'text', (c) => c.notNull().unique())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('sign_count', 'bigint', (c) => c.notNull())
    .addColumn('transports', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('device_type', 'text', (c) => c.notNull())
    .addColumn('backed_up', 'integer', (c) => c.notNull())
    .addColumn('aaguid', 'text')
    .addColumn('user_verified', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('passkey_sign_in_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('flow_id', 'text', (c) => c.notNull())
    .addColumn('challenge', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('passkey_sign_in_challenges_flow')
    .on('passkey_sign_in_challenges')
    .column('flow_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('passkey_sign_in_challenges').execute();
  await db.schema.dropTable('webauthn_credentials').execute();
}

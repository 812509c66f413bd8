/**
 * The MFA core's contract (ADR 0004): `authenticators` keeps what every method shares (kind,
 * label, status, created and last used); each method keeps its own secrets in its own table —
 * here the code methods' TOTP secret and last step move to `totp_secrets`. And one `challenges`
 * table for whatever waits on the user (a push to approve, an emailed code, a WebAuthn challenge):
 * bound to a flow and an account, single use, expiring.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('totp_secrets')
    .addColumn('authenticator_id', 'text', (c) =>
      c.primaryKey().references('authenticators.id').onDelete('cascade'),
    )
    .addColumn('sealed_secret', 'text', (c) => c.notNull())
    .addColumn('last_used_step', 'bigint')
    .execute();
  await sql`insert into totp_secrets (authenticator_id, sealed_secret, last_used_step)
            select id, sealed_secret, last_used_step from authenticators`.execute(db);
  await db.schema.alterTable('authenticators').dropColumn('sealed_secret').execute();
  await db.schema.alterTable('authenticators').dropColumn('last_used_step').execute();

  await db.schema
    .createTable('challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('flow_id', 'text')
    .addColumn('authenticator_id', 'text', (c) =>
      c.references('authenticators.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text')
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .execute();
  await db.schema.createIndex('challenges_flow').on('challenges').column('flow_id').execute();
  await db.schema
    .createIndex('challenges_account_status')
    .on('challenges')
    .columns(['account_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('challenges').execute();
  await db.schema.alterTable('authenticators').addColumn('sealed_secret', 'text').execute();
  await db.schema.alterTable('authenticators').addColumn('last_used_step', 'bigint').execute();
  await sql`update authenticators set
              sealed_secret = (select sealed_secret from totp_secrets t where t.authenticator_id = authenticators.id),
              last_used_step = (select last_used_step from totp_secrets t where t.authenticator_id = authenticators.id)`.execute(
    db,
  );
  await db.schema.dropTable('totp_secrets').execute();
}

/**
 * The MFA core's first changes (issue 6): each authenticator remembers the sign-in flow that
 * enrolled it, so that an enrollment completes only with an authenticator this flow created
 * (G-40); each audit record names its actor (the CLI, an administrator, the user, a device).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('authenticators').addColumn('flow_id', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('actor', 'text').execute();
  await db.schema
    .createIndex('sign_in_flows_account')
    .on('sign_in_flows')
    .column('account_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sign_in_flows_account').execute();
  await db.schema.alterTable('audit_events').dropColumn('actor').execute();
  await db.schema.alterTable('authenticators').dropColumn('flow_id').execute();
}

/**
 * Client applications registered from the console, the admin API or the CLI (issue 9), beside
 * those of the configuration: oidc-provider reads each from here at every use (ADR 0012), so an
 * edit, a new secret or a removal holds at once on every node. The secret is kept sealed
 * (security/secret-box.ts): the token endpoint compares the one presented with it.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('client_applications')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    /** JSON arrays of exact URIs. */
    .addColumn('redirect_uris', 'text', (c) => c.notNull())
    .addColumn('post_logout_redirect_uris', 'text', (c) => c.notNull())
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('two_factors_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('secret_changed_at', 'bigint', (c) => c.notNull())
    .execute();
}

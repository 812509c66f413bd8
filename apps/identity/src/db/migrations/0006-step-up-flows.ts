/**
 * Sign-in steps outside an OIDC interaction (issue 6 §2, ADR 0005): a flow says which host runs it
 * — an OIDC interaction, or the signed-in account's own pages (a step-up) — where a step-up
 * returns once done, and when it finished (a finished step-up is the proof, for a few minutes,
 * that this browser passed a second factor). The `plan` column, unused since the plan is re-read
 * at every step (G-40), goes.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('sign_in_flows')
    .addColumn('host', 'text', (c) => c.notNull().defaultTo('interaction'))
    .execute();
  await db.schema.alterTable('sign_in_flows').addColumn('return_to', 'text').execute();
  await db.schema.alterTable('sign_in_flows').addColumn('finished_at', 'bigint').execute();
  await db.schema.alterTable('sign_in_flows').dropColumn('plan').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('sign_in_flows')
    .addColumn('plan', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('sign_in_flows').dropColumn('finished_at').execute();
  await db.schema.alterTable('sign_in_flows').dropColumn('return_to').execute();
  await db.schema.alterTable('sign_in_flows').dropColumn('host').execute();
}

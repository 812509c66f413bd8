/**
 * MFA policy (the guide's three triggers): MFA is required for an account when the organization
 * requires it for everyone (on by default) or an administrator requires it for the account. An
 * account that must use MFA and has no active authenticator enrolls at its next sign-in — which
 * covers a new account, MFA just turned on, and authenticators reset or removed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { satisfiesMfa } from '../factors/index.ts';
import type { AccountStanding } from '../sign-in/flow.ts';

const orgMfaKey = 'mfa_required';

export async function readOrgMfaRequired(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('org_settings')
    .select('value')
    .where('key', '=', orgMfaKey)
    .executeTakeFirst();
  // Unset means on: the guide's company requires MFA for every client.
  return row === undefined || row.value === 'on';
}

export async function setOrgMfaRequired(db: Kysely<Database>, required: boolean): Promise<void> {
  const value = required ? 'on' : 'off';
  await db
    .insertInto('org_settings')
    .values({ key: orgMfaKey, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** The per-account flag an administrator sets (`sesame users require-mfa`), beside the org's. */
export async function setAccountMfaRequired(
  db: Kysely<Database>,
  id: string,
  required: boolean,
  nowMs: number,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ mfa_required: required ? 1 : 0, updated_at: nowMs })
    .where('id', '=', id)
    .execute();
}

export interface MfaStanding {
  required: boolean;
  hasActiveAuthenticator: boolean;
}

export async function readMfaStanding(
  db: Kysely<Database>,
  accountId: string,
): Promise<MfaStanding> {
  const [orgRequired, account, active] = await Promise.all([
    readOrgMfaRequired(db),
    db.selectFrom('accounts').select('mfa_required').where('id', '=', accountId).executeTakeFirst(),
    db
      .selectFrom('authenticators')
      .select('id')
      .where('account_id', '=', accountId)
      .where('status', '=', 'active')
      .executeTakeFirst(),
  ]);
  return {
    required: orgRequired || account?.mfa_required === 1,
    hasActiveAuthenticator: active !== undefined,
  };
}

/**
 * The account as a sign-in step sees it, read afresh at every step (G-40, G-41): undefined when
 * the account no longer exists.
 */
export async function readAccountStanding(
  db: Kysely<Database>,
  accountId: string,
): Promise<AccountStanding | undefined> {
  const [orgRequired, account, active] = await Promise.all([
    readOrgMfaRequired(db),
    db
      .selectFrom('accounts')
      .select(['locked', 'mfa_required'])
      .where('id', '=', accountId)
      .executeTakeFirst(),
    db
      .selectFrom('authenticators')
      .select(['id', 'kind', 'flow_id'])
      .where('account_id', '=', accountId)
      .where('status', '=', 'active')
      .orderBy('created_at')
      .execute(),
  ]);
  if (account === undefined) return undefined;
  return {
    locked: account.locked === 1,
    mfaRequired: orgRequired || account.mfa_required === 1,
    // Only methods that satisfy "MFA required" (an email code would not) make a second step.
    activeMethods: active
      .filter((row) => satisfiesMfa(row.kind))
      .map((row) => ({ id: row.id, kind: row.kind, flowId: row.flow_id })),
  };
}

/**
 * MFA policy (the guide's three triggers): MFA is required for an account when the organization
 * requires it for everyone (on by default) or an administrator requires it for the account. An
 * account that must use MFA and has no active authenticator enrolls at its next sign-in — which
 * covers a new account, MFA just turned on, and authenticators reset or removed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { perBackend, preparedQuery, slot } from '../db/prepared-query.ts';
import type { Authenticator } from '../factors/factor.ts';
import { isBackup, satisfiesMfa } from '../factors/index.ts';
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
  const standing = await readAccountStanding(db, accountId);
  return {
    required: standing?.mfaRequired ?? (await readOrgMfaRequired(db)),
    hasActiveAuthenticator: (standing?.activeMethods.length ?? 0) > 0,
  };
}

/** The standing with the active methods' whole records (what the second-factor page shows). */
export type AccountStandingWithRecords = AccountStanding<Authenticator>;

/**
 * The account as a sign-in step sees it, read afresh at every step (G-40, G-41): undefined when
 * the account no longer exists.
 */
export async function readAccountStanding(
  db: Kysely<Database>,
  accountId: string,
): Promise<AccountStandingWithRecords | undefined> {
  // One statement: the account, the organization's setting, and its active methods.
  const { rows } = await db.executeQuery(standingStatement(db)({ accountId }));
  const account = rows[0];
  if (account === undefined) return undefined;
  // Unset means on: the guide's company requires MFA for every client.
  const orgRequired = account.org_mfa_required === null || account.org_mfa_required === 'on';
  const records = rows.flatMap((row): Authenticator[] =>
    row.authenticator_id !== null &&
    row.kind !== null &&
    row.label !== null &&
    row.status !== null &&
    row.created_at !== null
      ? [
          {
            id: row.authenticator_id,
            account_id: accountId,
            kind: row.kind,
            label: row.label,
            status: row.status,
            flow_id: row.flow_id,
            created_at: Number(row.created_at),
            activated_at: row.activated_at === null ? null : Number(row.activated_at),
            last_used_at: row.last_used_at === null ? null : Number(row.last_used_at),
            renamed_at: row.renamed_at === null ? null : Number(row.renamed_at),
          },
        ]
      : [],
  );
  return {
    locked: account.locked === 1,
    mfaRequired: orgRequired || account.mfa_required === 1,
    // Only methods that satisfy "MFA required" (an email code would not) make a second step;
    // backups (recovery codes) are verified beside them.
    activeMethods: records.filter((method) => satisfiesMfa(method.kind)),
    backupMethods: records.filter((method) => isBackup(method.kind)),
    // Beside them, where the sign-in needs no AAL2 (an email code, G-17: flow.ts methodsToOffer).
    weakerMethods: records.filter((m) => !satisfiesMfa(m.kind) && !isBackup(m.kind)),
  };
}

/** readAccountStanding's statement (three per sign-in), compiled once per backend. */
const standingStatement = perBackend((db) =>
  preparedQuery(
    db
      .selectFrom('accounts')
      .leftJoin('authenticators', (join) =>
        join
          .onRef('authenticators.account_id', '=', 'accounts.id')
          .on('authenticators.status', '=', 'active'),
      )
      .select([
        'accounts.locked',
        'accounts.mfa_required',
        'authenticators.id as authenticator_id',
        'authenticators.kind',
        'authenticators.label',
        'authenticators.status',
        'authenticators.flow_id',
        'authenticators.created_at',
        'authenticators.activated_at',
        'authenticators.last_used_at',
        'authenticators.renamed_at',
      ])
      .select((eb) =>
        eb
          .selectFrom('org_settings')
          .select('value')
          .where('key', '=', orgMfaKey)
          .as('org_mfa_required'),
      )
      .where('accounts.id', '=', slot<string>('accountId'))
      .orderBy('authenticators.created_at'),
    ['accountId'],
  ),
);

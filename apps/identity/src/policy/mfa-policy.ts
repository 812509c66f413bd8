/**
 * MFA policy (the guide's three triggers): MFA is required for an account when the organization
 * requires it for everyone (on by default), for the members of groups the account is in
 * (policy/mfa-policy-settings.ts), or an administrator requires it for the account. An
 * account that must use MFA and has no active authenticator enrolls at its next sign-in — which
 * covers a new account, MFA just turned on, and authenticators reset or removed.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { perBackend, preparedQuery, slot } from '../db/prepared-query.ts';
import type { Authenticator } from '../factors/factor.ts';
import { isBackup, satisfiesMfa } from '../factors/index.ts';
import type { AccountStanding } from '../sign-in/flow.ts';
import { graceLeft } from './mfa-grace.ts';
import {
  methodAllowed,
  mfaSettingKeys,
  parseAppliesTo,
  parseGraceDays,
  parseMethodRules,
  readMfaPolicy,
  setMfaAppliesTo,
} from './mfa-policy-settings.ts';

/** Whether the organization requires MFA of everyone (not only of groups, not of nobody). */
export async function readOrgMfaRequired(db: Kysely<Database>): Promise<boolean> {
  return (await readMfaPolicy(db)).appliesTo === 'everyone';
}

/** Everyone or nobody (`sesame org require-mfa on|off`). */
export async function setOrgMfaRequired(db: Kysely<Database>, required: boolean): Promise<void> {
  await setMfaAppliesTo(db, required ? 'everyone' : 'nobody');
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
 * the account no longer exists. `nowMs`: the time its grace period (policy/mfa-grace.ts) is
 * measured at; without it, no grace.
 */
export async function readAccountStanding(
  db: Kysely<Database>,
  accountId: string,
  nowMs?: number,
): Promise<AccountStandingWithRecords | undefined> {
  // One statement: the account, the organization's policy, its groups, and its active methods.
  const { rows } = await db.executeQuery(standingStatement(db)({ accountId }));
  const account = rows[0];
  if (account === undefined) return undefined;
  const appliesTo = parseAppliesTo(account.org_mfa_required);
  const orgRequired =
    appliesTo === 'everyone' || (appliesTo === 'groups' && account.mfa_group !== null);
  const mfaRequired = orgRequired || account.mfa_required === 1;
  const rules = parseMethodRules(account.org_mfa_methods);
  const all = rows.flatMap((row): Authenticator[] =>
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
  // A method the policy no longer allows is not accepted, enrolled before or not (ADR 0013).
  const records = all.filter((method) => methodAllowed(rules, method.kind));
  const kinds = new Set(records.map((method) => method.kind));
  const missing = Object.entries(rules).filter(([k, r]) => r === 'required' && !kinds.has(k));
  const grace =
    nowMs === undefined
      ? undefined
      : graceLeft(
          parseGraceDays(account.org_mfa_grace_days),
          account.grace_started_at === null ? null : Number(account.grace_started_at),
          nowMs,
        );
  return {
    locked: account.locked === 1,
    mfaRequired,
    ...(mfaRequired && missing.length > 0 ? { missingMethods: missing.map(([k]) => k) } : {}),
    ...(grace === undefined ? {} : { grace }),
    // Only methods that satisfy "MFA required" (an email code would not) make a second step;
    // backups (recovery codes) are verified beside them.
    activeMethods: records.filter((method) => satisfiesMfa(method.kind)),
    backupMethods: records.filter((method) => isBackup(method.kind)),
    // Beside them, where the sign-in needs no AAL2 (an email code, G-17: flow.ts methodsToOffer).
    weakerMethods: records.filter((m) => !satisfiesMfa(m.kind) && !isBackup(m.kind)),
  };
}

function orgSetting(eb: ExpressionBuilder<Database, 'accounts'>, key: string) {
  return eb.selectFrom('org_settings').select('value').where('key', '=', key);
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
      .select((eb) => [
        orgSetting(eb, mfaSettingKeys.appliesTo).as('org_mfa_required'),
        orgSetting(eb, mfaSettingKeys.methods).as('org_mfa_methods'),
        orgSetting(eb, mfaSettingKeys.graceDays).as('org_mfa_grace_days'),
        // One of the account's groups that the policy requires MFA of, if any.
        eb
          .selectFrom('group_members')
          .innerJoin('groups', 'groups.id', 'group_members.group_id')
          .select('groups.id')
          .whereRef('group_members.account_id', '=', 'accounts.id')
          .where('groups.requires_mfa', '=', 1)
          .limit(1)
          .as('mfa_group'),
        eb
          .selectFrom('mfa_grace')
          .select('mfa_grace.started_at')
          .whereRef('mfa_grace.account_id', '=', 'accounts.id')
          .as('grace_started_at'),
      ])
      .where('accounts.id', '=', slot<string>('accountId'))
      .orderBy('authenticators.created_at'),
    ['accountId'],
  ),
);

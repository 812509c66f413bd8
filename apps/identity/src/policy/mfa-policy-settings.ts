/**
 * The organization's MFA policy (issue 9, docs/decisions/0013-groups-and-mfa-policy.md), kept as
 * organization settings beside the older `mfa_required`:
 * - for whom MFA is required: everyone (unset: the guide's company), the members of the groups
 *   chosen (policy/groups-queries.ts `requires_mfa`), or nobody — the per-account flag adds to it;
 * - each method's rule: `required` (whoever must use MFA enrolls it), `optional` (unset), or
 *   `not_allowed` (not offered, not enrolled, and an existing one not accepted at sign-in);
 * - the grace period in days before enrollment is forced (0, unset: at once).
 * Methods are named by their registry kind (factors/index.ts); nothing here names one.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { readOrgSettings, writeOrgSetting } from '../db/org-settings.ts';
import type { Factor } from '../factors/factor.ts';

export const mfaSettingKeys = {
  appliesTo: 'mfa_required',
  methods: 'mfa_methods',
  graceDays: 'mfa_grace_days',
} as const;

export const mfaAppliesTo = ['everyone', 'groups', 'nobody'] as const;
export type MfaAppliesTo = (typeof mfaAppliesTo)[number];

export const methodRules = ['required', 'optional', 'not_allowed'] as const;
export type MethodRule = (typeof methodRules)[number];

export interface MfaPolicy {
  appliesTo: MfaAppliesTo;
  /** Each method's rule by kind; a kind not named is optional. */
  methods: Record<string, MethodRule>;
  graceDays: number;
}

/** The longest grace period an administrator may give (a quarter). */
export const maxGraceDays = 90;

/** `mfa_required`'s stored values: `on` and `off` from before groups, `groups` since. */
const storedAppliesTo: Record<MfaAppliesTo, string> = {
  everyone: 'on',
  groups: 'groups',
  nobody: 'off',
};

/** The stored setting's meaning; unset means everyone (the guide's company requires MFA). */
export function parseAppliesTo(value: string | null | undefined): MfaAppliesTo {
  if (value === 'groups') return 'groups';
  if (value === 'off') return 'nobody';
  return 'everyone';
}

/** The stored rules (JSON); anything unreadable or unknown counts as optional. */
export function parseMethodRules(value: string | null | undefined): Record<string, MethodRule> {
  if (value === null || value === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const rules: Record<string, MethodRule> = {};
    for (const [kind, rule] of Object.entries(parsed))
      if ((methodRules as readonly unknown[]).includes(rule)) rules[kind] = rule as MethodRule;
    return rules;
  } catch {
    return {};
  }
}

export function parseGraceDays(value: string | null | undefined): number {
  const days = Number(value ?? 0);
  return Number.isInteger(days) && days > 0 ? Math.min(days, maxGraceDays) : 0;
}

export async function readMfaPolicy(db: Kysely<Database>): Promise<MfaPolicy> {
  const settings = await readOrgSettings(db);
  const value = (key: string) => settings.get(key);
  return {
    appliesTo: parseAppliesTo(value(mfaSettingKeys.appliesTo)),
    methods: parseMethodRules(value(mfaSettingKeys.methods)),
    graceDays: parseGraceDays(value(mfaSettingKeys.graceDays)),
  };
}

export async function setMfaAppliesTo(db: Kysely<Database>, appliesTo: MfaAppliesTo) {
  await writeOrgSetting(db, mfaSettingKeys.appliesTo, storedAppliesTo[appliesTo]);
}

export async function setMethodRules(db: Kysely<Database>, rules: Record<string, MethodRule>) {
  // Optional is the default: only the others are kept.
  const kept = Object.fromEntries(Object.entries(rules).filter(([, rule]) => rule !== 'optional'));
  await writeOrgSetting(db, mfaSettingKeys.methods, JSON.stringify(kept));
}

export async function setGraceDays(db: Kysely<Database>, days: number) {
  await writeOrgSetting(db, mfaSettingKeys.graceDays, String(days));
}

/**
 * Which rules a method may have: one its owner enrolls and that satisfies "MFA required" may be
 * required; a backup (recovery codes), an issued one (a temporary access code) or a weaker one
 * (an email code) is never an enrollment of its own, so only optional or not allowed.
 */
export function rulesFor(factor: Factor): readonly MethodRule[] {
  const enrollable = factor.satisfiesMfa && factor.backup !== true && factor.issued !== true;
  return enrollable ? methodRules : ['optional', 'not_allowed'];
}

/** Whether the rules let a method of this kind be used (offered, enrolled, accepted). */
export function methodAllowed(rules: Record<string, MethodRule>, kind: string): boolean {
  return rules[kind] !== 'not_allowed';
}

/**
 * Change the organization's MFA policy (ADR 0013): for whom (everyone, the chosen groups, nobody),
 * each method's rule, the grace period — the parts given, in one transaction with one audit
 * record that says what it now is. Sign-ins in progress follow it at their next step.
 */
import { AppError } from '../../errors.ts';
import { factorOfKind } from '../../factors/index.ts';
import { findGroup, setGroupsRequiringMfa } from '../../policy/groups-queries.ts';
import {
  type MethodRule,
  type MfaAppliesTo,
  maxGraceDays,
  readMfaPolicy,
  rulesFor,
  setGraceDays,
  setMethodRules,
  setMfaAppliesTo,
} from '../../policy/mfa-policy-settings.ts';
import type { Actor } from './actor.ts';
import { type OperationDeps, type OperationOrigin, runOperation } from './operation-deps.ts';

export interface MfaPolicyChange {
  appliesTo?: MfaAppliesTo;
  /** With `groups`: the groups (ids or names) whose members must use MFA, exactly these. */
  groups?: string[];
  /** Rules by method kind; the kinds not named keep theirs. */
  methods?: Record<string, MethodRule>;
  graceDays?: number;
}

export async function setMfaPolicy(
  deps: OperationDeps,
  actor: Actor,
  args: { change: MfaPolicyChange; origin?: OperationOrigin },
): Promise<void> {
  const { change } = args;
  let described = '';
  await runOperation(
    deps,
    actor,
    () => ({ ...args.origin, type: 'org.mfa_policy_changed', reason: described }),
    async (trx) => {
      if (change.groups !== undefined) {
        const ids: string[] = [];
        for (const idOrName of change.groups) {
          const group = await findGroup(trx, idOrName);
          if (group === undefined) throw new AppError('request.not_found');
          ids.push(group.id);
        }
        await setGroupsRequiringMfa(trx, ids);
      }
      if (change.appliesTo !== undefined) await setMfaAppliesTo(trx, change.appliesTo);
      if (change.methods !== undefined) {
        const rules = { ...(await readMfaPolicy(trx)).methods };
        for (const [kind, rule] of Object.entries(change.methods)) {
          const factor = factorOfKind(kind);
          if (factor === undefined || !rulesFor(factor).includes(rule))
            throw new AppError('request.invalid');
          rules[kind] = rule;
        }
        await setMethodRules(trx, rules);
      }
      if (change.graceDays !== undefined) {
        const days = change.graceDays;
        if (!Number.isInteger(days) || days < 0 || days > maxGraceDays)
          throw new AppError('request.invalid');
        await setGraceDays(trx, days);
      }
      described = describePolicy(await readMfaPolicy(trx));
    },
  );
}

/** The policy in one line of the audit log: `groups; totp=required; grace=3d`. */
function describePolicy(policy: Awaited<ReturnType<typeof readMfaPolicy>>): string {
  const rules = Object.entries(policy.methods).map(([kind, rule]) => `${kind}=${rule}`);
  return [policy.appliesTo, ...rules, `grace=${policy.graceDays}d`].join('; ');
}

/**
 * `sesame org mfa-policy [show|set]`: the organization's MFA policy (ADR 0013) — for whom MFA is
 * required (everyone, the members of chosen groups, nobody), each method's rule (required,
 * optional, not_allowed), and the grace period in days. A change is one audited operation.
 */
import { cliActor } from '../accounts/operations/actor.ts';
import { type MfaPolicyChange, setMfaPolicy } from '../accounts/operations/set-mfa-policy.ts';
import { factors } from '../factors/index.ts';
import { listGroups } from '../policy/groups-queries.ts';
import {
  type MethodRule,
  type MfaAppliesTo,
  methodRules,
  mfaAppliesTo,
  readMfaPolicy,
} from '../policy/mfa-policy-settings.ts';
import { asCommand } from './app-error-to-command.ts';
import { type CliIo, type ParsedCommand, report, UsageError } from './cli-io.ts';
import { formatTable } from './format-output.ts';
import { HELP_OPTION, noPositionals, parseCommandArgs } from './parse-command-args.ts';
import { ORG_USAGE } from './usage.ts';

const HELP: ParsedCommand = { kind: 'help', text: ORG_USAGE };

export function parseMfaPolicy(args: string[]): ParsedCommand {
  const [name, ...rest] = args;
  if (name === 'set') return parseSet(rest);
  const { values, positionals } = parseCommandArgs(name === 'show' ? rest : args, HELP_OPTION);
  if (values.help) return HELP;
  noPositionals(positionals);
  return { kind: 'run', run: showPolicy };
}

async function showPolicy(io: CliIo): Promise<void> {
  const [policy, groups] = await Promise.all([readMfaPolicy(io.db), listGroups(io.db)]);
  const chosen = groups.filter((group) => group.requiresMfa).map((group) => group.name);
  const methods = factors.map((factor) => ({
    method: factor.kind,
    rule: policy.methods[factor.kind] ?? 'optional',
  }));
  const whom =
    policy.appliesTo === 'groups'
      ? `groups (${chosen.join(', ') || 'none chosen'})`
      : policy.appliesTo;
  const grace = policy.graceDays === 0 ? 'none (enrollment at once)' : `${policy.graceDays} days`;
  const text = () =>
    `MFA required for: ${whom}\nGrace period: ${grace}\n` +
    formatTable(
      ['METHOD', 'RULE'],
      methods.map((m) => [m.method, m.rule]),
    );
  report(io, text, {
    appliesTo: policy.appliesTo,
    groups: chosen,
    methods,
    graceDays: policy.graceDays,
  });
}

function parseSet(args: string[]): ParsedCommand {
  const { values, positionals } = parseCommandArgs(args, {
    for: { type: 'string' },
    groups: { type: 'string' },
    method: { type: 'string', multiple: true },
    'grace-days': { type: 'string' },
    ...HELP_OPTION,
  });
  if (values.help) return HELP;
  noPositionals(positionals);
  const change: MfaPolicyChange = {};
  if (values.for !== undefined) {
    if (!(mfaAppliesTo as readonly string[]).includes(values.for))
      throw new UsageError(`--for: expected ${mfaAppliesTo.join(', ')}, not '${values.for}'`);
    change.appliesTo = values.for as MfaAppliesTo;
  }
  if (values.groups !== undefined)
    change.groups = values.groups
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
  if (values.method !== undefined) {
    change.methods = {};
    for (const pair of values.method) {
      const [kind, rule] = pair.split('=');
      if (
        kind === undefined ||
        rule === undefined ||
        !(methodRules as readonly string[]).includes(rule)
      )
        throw new UsageError(`--method: expected <method>=${methodRules.join('|')}, not '${pair}'`);
      change.methods[kind] = rule as MethodRule;
    }
  }
  if (values['grace-days'] !== undefined) {
    const days = Number(values['grace-days']);
    if (!Number.isInteger(days) || days < 0)
      throw new UsageError(
        `--grace-days: expected a whole number of days, not '${values['grace-days']}'`,
      );
    change.graceDays = days;
  }
  if (Object.keys(change).length === 0) throw new UsageError('nothing to change');
  return {
    kind: 'run',
    run: async (io) => {
      await asCommand(
        () => setMfaPolicy({ db: io.db, now: io.now }, cliActor, { change }),
        'org mfa-policy set',
      );
      await showPolicy(io);
    },
  };
}

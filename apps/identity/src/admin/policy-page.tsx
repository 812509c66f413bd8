/**
 * « Politique MFA » (administrators only): for whom MFA is required (everyone, the groups chosen,
 * nobody), each method's rule, and the grace period in days.
 */
import type { Factor } from '../factors/factor.ts';
import type { GroupSummary } from '../policy/groups-queries.ts';
import {
  type MfaPolicy,
  maxGraceDays,
  mfaAppliesTo,
  rulesFor,
} from '../policy/mfa-policy-settings.ts';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { ConsoleLayout, type ConsolePageProps } from './console-layout.tsx';

const appliesToLabels: Record<(typeof mfaAppliesTo)[number], MessageKey> = {
  everyone: 'admin.policy.everyone',
  groups: 'admin.policy.groups',
  nobody: 'admin.policy.nobody',
};

export function PolicyPage(
  props: ConsolePageProps & {
    policy: MfaPolicy;
    groups: GroupSummary[];
    methods: readonly Factor[];
    saved: boolean;
  },
) {
  const { t, admin, policy } = props;
  return (
    <ConsoleLayout {...props} title={t('admin.policy.title')}>
      <h1>{t('admin.policy.title')}</h1>
      {props.saved ? (
        <p class="alert ok" role="status">
          {t('admin.policy.saved')}
        </p>
      ) : null}
      <p>{t('admin.policy.intro')}</p>
      <form method="post" action="/admin/policy">
        <input type="hidden" name="csrf" value={admin.csrf} />
        <fieldset class="choices">
          <legend>{t('admin.policy.appliesTo')}</legend>
          {mfaAppliesTo.map((value) => (
            <label class="checkbox" key={value}>
              <input
                type="radio"
                name="appliesTo"
                value={value}
                checked={policy.appliesTo === value}
              />{' '}
              {t(appliesToLabels[value])}
            </label>
          ))}
        </fieldset>
        <fieldset class="choices">
          <legend>{t('admin.policy.chosenGroups')}</legend>
          {props.groups.length === 0 ? <p class="muted">{t('admin.policy.noGroups')}</p> : null}
          {props.groups.map((group) => (
            <label class="checkbox" key={group.id}>
              <input type="checkbox" name="groups" value={group.id} checked={group.requiresMfa} />{' '}
              {group.name}
            </label>
          ))}
        </fieldset>
        <fieldset class="choices">
          <legend>{t('admin.policy.methods')}</legend>
          <p class="muted">{t('admin.policy.notAllowedHelp')}</p>
          {props.methods.map((factor) => (
            <div key={factor.kind}>
              <label for={`rule-${factor.slug}`}>{t(factor.title)}</label>
              <select id={`rule-${factor.slug}`} name={`method:${factor.kind}`}>
                {rulesFor(factor).map((rule) => (
                  <option
                    key={rule}
                    value={rule}
                    selected={(policy.methods[factor.kind] ?? 'optional') === rule}
                  >
                    {t(`admin.policy.rule.${rule}`)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        <div>
          <label for="grace-days">{t('admin.policy.graceDays')}</label>
          <input
            id="grace-days"
            name="graceDays"
            type="number"
            min={0}
            max={maxGraceDays}
            value={String(policy.graceDays)}
            required
          />
          <p class="help">{t('admin.policy.graceHelp')}</p>
        </div>
        <button type="submit" class="button">
          {t('admin.policy.save')}
        </button>
      </form>
    </ConsoleLayout>
  );
}

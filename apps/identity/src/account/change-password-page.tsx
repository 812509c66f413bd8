import type { MessageKey } from '../ui/i18n/messages.ts';
import { Layout, type PageProps } from '../ui/layout.tsx';
import { FormActions } from './form-actions.tsx';

export type PasswordProblem = 'current' | 'too_short' | 'too_long' | 'common' | 'contains_context';

export const problemMessages: Record<PasswordProblem, MessageKey> = {
  current: 'account.password.wrongCurrent',
  too_short: 'account.password.tooShort',
  too_long: 'account.password.tooLong',
  common: 'account.password.common',
  contains_context: 'account.password.containsContext',
};

export interface ChangePasswordPageProps extends Omit<PageProps, 'title' | 'children'> {
  csrf: string;
  /** The shortest password the policy accepts for this account. */
  minLength: number;
  problem?: PasswordProblem;
}

/** A password field; `describedBy`: the error it is invalid by, if any (else its help). */
export function PasswordField(props: {
  id: string;
  name: string;
  label: string;
  autocomplete: string;
  minLength?: number;
  describedBy: string | undefined;
  help?: string;
}) {
  const helpId = props.help === undefined ? undefined : `${props.id}-help`;
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type="password"
        autocomplete={props.autocomplete}
        required
        minLength={props.minLength}
        maxLength={128}
        aria-invalid={props.describedBy === undefined ? undefined : 'true'}
        aria-describedby={props.describedBy ?? helpId}
      />
      {props.help === undefined ? null : (
        <p class="help" id={helpId}>
          {props.help}
        </p>
      )}
    </div>
  );
}

/**
 * « Changer le mot de passe »: the current one, then the new one under the password policy. The
 * other browsers are signed out; this one stays signed in.
 */
export function ChangePasswordPage(props: ChangePasswordPageProps) {
  const { t, problem } = props;
  const errorId = problem === undefined ? undefined : 'password-error';
  return (
    <Layout {...props} title={t('account.password.title')}>
      <h1>{t('account.password.title')}</h1>
      <p>{t('account.password.intro')}</p>
      {problem !== undefined ? (
        <p class="alert error" role="alert" id="password-error">
          {t(problemMessages[problem], { min: String(props.minLength) })}
        </p>
      ) : null}
      <form method="post" action="/account/password">
        <input type="hidden" name="csrf" value={props.csrf} />
        <PasswordField
          id="current"
          name="current"
          label={t('account.password.current')}
          autocomplete="current-password"
          describedBy={problem === 'current' ? errorId : undefined}
        />
        <PasswordField
          id="new-password"
          name="password"
          label={t('account.password.new')}
          autocomplete="new-password"
          minLength={props.minLength}
          describedBy={problem !== undefined && problem !== 'current' ? errorId : undefined}
          help={t('account.password.help', { min: String(props.minLength) })}
        />
        <FormActions t={t} submit={t('account.password.save')} />
      </form>
    </Layout>
  );
}

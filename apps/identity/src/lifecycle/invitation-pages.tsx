/**
 * The invitation's link: choose the account's password (under the policy), then « Me connecter »,
 * where the first sign-in sets up a verification method. A link that is no longer usable says
 * why — accepted, replaced by a newer invitation, or expired — and what to do.
 */
import { problemMessages } from '../account/change-password-page.tsx';
import type { PasswordPolicyViolation } from '../accounts/password-policy.ts';
import { NewPasswordForm } from '../password-reset/password-reset-pages.tsx';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { Layout, type PageProps } from '../ui/layout.tsx';
import type { InvitationState } from './invitation.ts';

type Base = Omit<PageProps, 'title' | 'children'>;

export function AcceptInvitationPage(
  props: Base & {
    action: string;
    csrf: string;
    token: string;
    username: string;
    minLength: number;
    problem?: PasswordPolicyViolation;
  },
) {
  const { t, problem } = props;
  return (
    <Layout {...props} title={t('invitation.title')}>
      <h1>{t('invitation.title')}</h1>
      <p>{t('invitation.intro', { username: props.username })}</p>
      {problem === undefined ? null : (
        <p class="alert error" role="alert" id="password-error">
          {t(problemMessages[problem], { min: String(props.minLength) })}
        </p>
      )}
      <NewPasswordForm {...props} submit={t('invitation.submit')} />
    </Layout>
  );
}

const refusals: Record<Exclude<InvitationState, 'usable'>, MessageKey> = {
  accepted: 'invitation.accepted',
  replaced: 'invitation.replaced',
  expired: 'invitation.expired',
  unknown: 'invitation.unknown',
};

export function InvitationOutcomePage(
  props: Base & { state: InvitationState | 'done'; signInHref: string | undefined },
) {
  const { t, state } = props;
  const done = state === 'done';
  const title = done ? t('invitation.doneTitle') : t('invitation.invalidTitle');
  return (
    <Layout {...props} title={title}>
      <h1>{title}</h1>
      <p class={done ? 'alert ok' : 'alert error'} role={done ? 'status' : 'alert'}>
        {done ? t('invitation.done') : t(refusals[state === 'usable' ? 'unknown' : state])}
      </p>
      {props.signInHref !== undefined && (done || state === 'accepted') ? (
        <p>
          <a class="button" href={props.signInHref}>
            {t('reset.done.signIn')}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

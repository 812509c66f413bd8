/**
 * « Mot de passe oublié » (ask for a link: the same answer whatever follows), the page of the
 * link (choose a new password under the policy), and its outcomes. French first, usable on a phone.
 */
import { PasswordField, problemMessages } from '../account/change-password-page.tsx';
import type { PasswordPolicyViolation } from '../accounts/password-policy.ts';
import { IdentifierField } from '../ui/identifier-field.tsx';
import { Layout, type PageProps } from '../ui/layout.tsx';

type Base = Omit<PageProps, 'title' | 'children'>;

/** Where « Me connecter » and « Retour à la connexion » lead: the application's sign-in. */
function SignInLink(props: Base & { href: string | undefined; label: string }) {
  if (props.href === undefined) return null;
  return (
    <p>
      <a href={props.href}>{props.label}</a>
    </p>
  );
}

export function ForgotPasswordPage(
  props: Base & {
    action: string;
    csrf: string;
    /** The application whose sign-in page led here (its « Me connecter » after the reset). */
    client: string | undefined;
    sent: boolean;
    signInHref: string | undefined;
  },
) {
  const { t } = props;
  return (
    <Layout {...props} title={t('reset.request.title')}>
      <h1>{t('reset.request.title')}</h1>
      {props.sent ? (
        <>
          <p class="alert ok" role="status">
            {t('reset.request.sent')}
          </p>
          <p class="help">{t('reset.request.noMail')}</p>
        </>
      ) : (
        <form method="post" action={props.action}>
          <p>{t('reset.request.intro')}</p>
          <input type="hidden" name="csrf" value={props.csrf} />
          {props.client === undefined ? null : (
            <input type="hidden" name="client" value={props.client} />
          )}
          <IdentifierField
            id="identifier"
            name="identifier"
            label={t('reset.request.identifier')}
            autofocus
          />
          <button class="button" type="submit">
            {t('reset.request.submit')}
          </button>
        </form>
      )}
      <SignInLink {...props} href={props.signInHref} label={t('reset.backToSignIn')} />
    </Layout>
  );
}

export function ResetPasswordPage(
  props: Base & {
    action: string;
    csrf: string;
    token: string;
    client: string | undefined;
    username: string;
    minLength: number;
    problem?: PasswordPolicyViolation;
  },
) {
  const { t, problem } = props;
  return (
    <Layout {...props} title={t('reset.set.title')}>
      <h1>{t('reset.set.title')}</h1>
      <p>{t('reset.set.intro', { username: props.username })}</p>
      {problem === undefined ? null : (
        <p class="alert error" role="alert" id="password-error">
          {t(problemMessages[problem], { min: String(props.minLength) })}
        </p>
      )}
      <NewPasswordForm {...props} submit={t('reset.set.submit')} />
    </Layout>
  );
}

/**
 * The form of a link that sets a password (a reset, an invitation): its token, the username for
 * the browser's password manager, the new password under the policy.
 */
export function NewPasswordForm(
  props: Base & {
    action: string;
    csrf: string;
    token: string;
    client?: string | undefined;
    username: string;
    minLength: number;
    problem?: PasswordPolicyViolation | undefined;
    submit: string;
  },
) {
  const { t, problem } = props;
  return (
    <form method="post" action={props.action}>
      <input type="hidden" name="csrf" value={props.csrf} />
      <input type="hidden" name="token" value={props.token} />
      {props.client === undefined ? null : (
        <input type="hidden" name="client" value={props.client} />
      )}
      {/* The username, for the browser's password manager to file the new password under. */}
      <input type="hidden" name="username" autocomplete="username" value={props.username} />
      <PasswordField
        id="new-password"
        name="password"
        label={t('account.password.new')}
        autocomplete="new-password"
        minLength={props.minLength}
        describedBy={problem === undefined ? undefined : 'password-error'}
        help={t('account.password.help', { min: String(props.minLength) })}
      />
      <button class="button" type="submit">
        {props.submit}
      </button>
    </form>
  );
}

export function ResetOutcomePage(
  props: Base & { done: boolean; signInHref: string | undefined; againHref: string },
) {
  const { t } = props;
  const title = props.done ? t('reset.done.title') : t('reset.invalid.title');
  return (
    <Layout {...props} title={title}>
      <h1>{title}</h1>
      {props.done ? (
        <>
          <p class="alert ok" role="status">
            {t('reset.done.body')}
          </p>
          <SignInLink {...props} href={props.signInHref} label={t('reset.done.signIn')} />
        </>
      ) : (
        <>
          <p class="alert error" role="alert">
            {t('reset.invalid.body')}
          </p>
          <p>
            <a href={props.againHref}>{t('reset.invalid.again')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}

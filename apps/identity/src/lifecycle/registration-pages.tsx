/**
 * « Créer un compte »: username, email, name, password (under the policy); then the same answer
 * for everyone — « Vérifiez votre courriel » — whatever the names were (no enumeration).
 */
import { PasswordField } from '../account/change-password-page.tsx';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { IdentifierField } from '../ui/identifier-field.tsx';
import { Layout, type PageProps } from '../ui/layout.tsx';

type Base = Omit<PageProps, 'title' | 'children'>;

export interface RegistrationForm {
  username: string;
  email: string;
  name: string;
}

export function RegisterPage(
  props: Base & {
    action: string;
    csrf: string;
    client: string | undefined;
    form: RegistrationForm;
    minLength: number;
    problem: MessageKey | undefined;
    signInHref: string | undefined;
  },
) {
  const { t, form, problem } = props;
  const describedBy = problem === undefined ? undefined : 'register-error';
  return (
    <Layout {...props} title={t('register.title')}>
      <h1>{t('register.title')}</h1>
      <p>{t('register.intro')}</p>
      {problem === undefined ? null : (
        <p class="alert error" role="alert" id="register-error">
          {t(problem, { min: String(props.minLength) })}
        </p>
      )}
      <form method="post" action={props.action}>
        <input type="hidden" name="csrf" value={props.csrf} />
        {props.client === undefined ? null : (
          <input type="hidden" name="client" value={props.client} />
        )}
        <IdentifierField
          id="username"
          name="username"
          label={t('signIn.username')}
          value={form.username}
          autofocus
          describedBy={describedBy}
        />
        <div>
          <label for="email">{t('register.email')}</label>
          <input
            id="email"
            name="email"
            type="email"
            required
            maxLength={254}
            autocomplete="email"
            value={form.email}
          />
        </div>
        <div>
          <label for="name">{t('register.name')}</label>
          <input
            id="name"
            name="name"
            type="text"
            maxLength={200}
            autocomplete="name"
            value={form.name}
          />
        </div>
        <PasswordField
          id="new-password"
          name="password"
          label={t('signIn.password')}
          autocomplete="new-password"
          minLength={props.minLength}
          describedBy={describedBy}
          help={t('account.password.help', { min: String(props.minLength) })}
        />
        <button class="button" type="submit">
          {t('register.submit')}
        </button>
      </form>
      {props.signInHref === undefined ? null : (
        <p>
          <a href={props.signInHref}>{t('reset.backToSignIn')}</a>
        </p>
      )}
    </Layout>
  );
}

export function RegisteredPage(props: Base & { signInHref: string | undefined }) {
  const { t } = props;
  return (
    <Layout {...props} title={t('register.sentTitle')}>
      <h1>{t('register.sentTitle')}</h1>
      <p class="alert ok" role="status">
        {t('register.sent')}
      </p>
      {props.signInHref === undefined ? null : (
        <p>
          <a href={props.signInHref}>{t('reset.backToSignIn')}</a>
        </p>
      )}
    </Layout>
  );
}

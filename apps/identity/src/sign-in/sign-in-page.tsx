import { SupportContactNote } from '../branding/support-contact-note.tsx';
import type { SignInOffer } from '../factors/factor.ts';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { IdentifierField } from '../ui/identifier-field.tsx';
import { Layout, type PageProps } from '../ui/layout.tsx';
import { WebauthnForm } from '../ui/webauthn-form.tsx';

export interface SignInPageProps extends Omit<PageProps, 'title' | 'children'> {
  action: string;
  csrf: string;
  clientName: string;
  username?: string;
  failed?: boolean;
  /** Other ways in, beside the password (« Se connecter avec une clé d'accès »). */
  offers?: SignInOffer[];
  /** « Mot de passe oublié ? »: the page that mails a reset link (password-reset/). */
  forgotHref: string;
  /** « Créer un compte », when the organization allows self-registration (lifecycle/). */
  registerHref?: string | undefined;
  /** Something to do before signing in (confirm the address), shown above the form. */
  notice?: MessageKey | undefined;
}

/** Step 2 of the guide: « Nom d'utilisateur », « Mot de passe », « Me connecter ». */
export function SignInPage(props: SignInPageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={t('signIn.title')}>
      <h1>{t('signIn.title')}</h1>
      <p class="muted">{t('signIn.intro', { client: props.clientName })}</p>
      {props.failed ? (
        <p class="alert error" role="alert" id="sign-in-error">
          {t('errors.signInFailed')}
        </p>
      ) : null}
      {props.notice ? (
        <p class="alert warning" role="alert">
          {t(props.notice)}
        </p>
      ) : null}
      <form method="post" action={props.action} novalidate={false}>
        <input type="hidden" name="csrf" value={props.csrf} />
        <IdentifierField
          id="username"
          name="username"
          label={t('signIn.username')}
          value={props.username ?? ''}
          autofocus={!props.username}
          describedBy={props.failed ? 'sign-in-error' : undefined}
        />
        <div>
          <label for="password">{t('signIn.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            maxLength={1024}
            autofocus={Boolean(props.username)}
          />
        </div>
        <button class="button" type="submit">
          {t('signIn.submit')}
        </button>
      </form>
      {(props.offers ?? []).map((offer) => (
        <section class="sign-in-offer" key={offer.action} aria-label={offer.label}>
          <p class="separator" aria-hidden="true">
            {t('signIn.or')}
          </p>
          <WebauthnForm
            t={t}
            nonce={props.nonce}
            action={offer.action}
            ceremony="get"
            options={offer.options}
            hidden={{ csrf: props.csrf, challengeId: offer.challengeId }}
            responseField="assertion"
            label={offer.label}
            secondary
          />
        </section>
      ))}
      <p class="help">
        <a href={props.forgotHref}>{t('signIn.forgot')}</a>
      </p>
      {/* Refused (a locked account looks the same, G-11): where to turn, when the organization says. */}
      {props.failed ? <SupportContactNote t={t} /> : null}
      {props.registerHref === undefined ? null : (
        <p class="help">
          <a href={props.registerHref}>{t('register.link')}</a>
        </p>
      )}
    </Layout>
  );
}

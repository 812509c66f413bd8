import { Layout, type PageProps } from '../../ui/layout.tsx';
import { WebauthnForm } from '../../ui/webauthn-form.tsx';

export interface PasskeyEnrollmentPageProps extends Omit<PageProps, 'title' | 'children'> {
  action: string;
  csrf: string;
  challengeId: string;
  /** The registration options, JSON. */
  options: string;
  label: string;
  failed: boolean;
  backHref: string;
}

/** « Clé de sécurité ou biométrie »: name the key, then the browser's own ceremony. */
export function PasskeyEnrollmentPage(props: PasskeyEnrollmentPageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={t('passkey.enroll.title')}>
      <h1>{t('passkey.enroll.title')}</h1>
      {props.failed ? (
        <p class="alert error" role="alert" id="passkey-error">
          {t('passkey.enroll.failed')}
        </p>
      ) : null}
      <p>{t('passkey.enroll.intro')}</p>
      <WebauthnForm
        t={t}
        nonce={props.nonce}
        action={props.action}
        ceremony="create"
        options={props.options}
        hidden={{ csrf: props.csrf, challengeId: props.challengeId }}
        responseField="attestation"
        label={t('passkey.enroll.submit')}
      >
        <div>
          <label for="passkey-label">{t('passkey.enroll.name')}</label>
          <input
            id="passkey-label"
            name="label"
            type="text"
            required
            maxLength={64}
            autocomplete="off"
            value={props.label}
            aria-describedby={
              props.failed ? 'passkey-label-help passkey-error' : 'passkey-label-help'
            }
          />
          <p class="help" id="passkey-label-help">
            {t('passkey.enroll.nameHelp')}
          </p>
        </div>
      </WebauthnForm>
      <p>
        <a href={props.backHref}>{t('qr.back')}</a>
      </p>
    </Layout>
  );
}

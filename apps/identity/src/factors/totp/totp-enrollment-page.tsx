import { CodeForm } from '../../ui/code-form.tsx';
import { Layout, type PageProps } from '../../ui/layout.tsx';

export interface TotpEnrollmentPageProps extends Omit<PageProps, 'title' | 'children'> {
  heading: string;
  action: string;
  csrf: string;
  authenticatorId: string;
  qrSvg: string;
  groupedSecret: string;
  failed: boolean;
  backHref: string;
}

/** Any authenticator app: the otpauth:// QR code, the secret key grouped by four, one code to confirm. */
export function TotpEnrollmentPage(props: TotpEnrollmentPageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={props.heading}>
      <h1>{props.heading}</h1>
      {props.failed ? (
        <p class="alert error" role="alert" id="totp-error">
          {t('totp.invalid')}
        </p>
      ) : null}
      <ol class="steps">
        <li>
          {t('totp.step1')}
          <figure class="qr">
            {/* SVG from the qrcode library, of our own otpauth:// URI. */}
            <div
              role="img"
              aria-label={t('totp.alt')}
              dangerouslySetInnerHTML={{ __html: props.qrSvg }}
            />
          </figure>
          <p class="help">{t('totp.cantScan')}</p>
          <p>
            <span class="visually-hidden">{t('totp.secretKey')} : </span>
            <code class="secret" data-secret>
              {props.groupedSecret}
            </code>
          </p>
        </li>
        <li>{t('totp.step2')}</li>
      </ol>
      <CodeForm
        action={props.action}
        csrf={props.csrf}
        authenticatorId={props.authenticatorId}
        label={t('totp.code')}
        submit={t('totp.verify')}
        errorId={props.failed ? 'totp-error' : undefined}
      />
      <p>
        <a href={props.backHref}>{t('qr.back')}</a>
      </p>
    </Layout>
  );
}

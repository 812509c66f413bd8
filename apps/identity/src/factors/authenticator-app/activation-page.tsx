import { SupportContactNote } from '../../branding/support-contact-note.tsx';
import { Layout, type PageProps } from '../../ui/layout.tsx';
import { GetAppDetails } from './get-app-details.tsx';

export interface ActivationPageProps extends Omit<PageProps, 'title' | 'children'> {
  platform: 'ios' | 'android';
  qrSvg: string;
  activationLink: string;
  activationCode: string;
  organizationAddress: string;
  username: string;
  appUrl: string;
  appQrSvg: string;
  eventsUrl: string;
  nextUrl: string;
  refreshUrl: string;
  withoutPushUrl: string;
  backHref: string;
}

/**
 * Steps 4 to 8 of the guide, on the computer: the QR code to scan with Sesame Verify, kept open
 * and waiting; « Impossible de numériser ? » with what to type instead. The page moves on by
 * itself when the device is enrolled (enrollment-wait.js listens to the server's events).
 */
export function ActivationPage(props: ActivationPageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={t('qr.title')}>
      <h1>{t('qr.title')}</h1>
      <div data-enrollment-events={props.eventsUrl} data-next={props.nextUrl}>
        <ol class="steps">
          <li>{t('qr.step1')}</li>
          <li>{t('qr.step2')}</li>
          <li>{t('qr.step3')}</li>
        </ol>
        <figure class="qr" data-qr>
          {/* The SVG comes from the qrcode library, built from our own activation link. */}
          <div
            role="img"
            aria-label={t('qr.alt')}
            dangerouslySetInnerHTML={{ __html: props.qrSvg }}
          />
        </figure>
        <p class="status" role="status" aria-live="polite" data-waiting>
          <span class="spinner" aria-hidden="true" /> {t('qr.waiting')}
        </p>
        <div class="alert error" role="alert" data-expired hidden>
          <p>{t('qr.expired')}</p>
          <a class="button" href={props.refreshUrl}>
            {t('qr.refresh')}
          </a>
        </div>
        <p class="help">{t('qr.keepOpen')}</p>
      </div>
      <details class="cant-scan">
        <summary>{t('qr.cantScan')}</summary>
        <p>{t('qr.manualIntro')}</p>
        <dl class="manual">
          <dt>{t('qr.orgAddress')}</dt>
          <dd>
            <code>{props.organizationAddress}</code>
          </dd>
          <dt>{t('qr.username')}</dt>
          <dd>
            <code>{props.username}</code>
          </dd>
          <dt>{t('qr.activationCode')}</dt>
          <dd>
            <code class="activation-code" data-activation-code>
              {props.activationCode}
            </code>
          </dd>
        </dl>
        <p class="help">{t('qr.codeValidity')}</p>
        <p>
          <a class="button secondary" href={props.activationLink}>
            {t('qr.openOnThisDevice')}
          </a>
        </p>
        <p>
          <a href={props.withoutPushUrl}>{t('qr.withoutPush')}</a>
        </p>
      </details>
      <GetAppDetails
        t={t}
        appUrl={props.appUrl}
        appQrSvg={props.appQrSvg}
        platforms={[props.platform]}
      />
      <p>
        <a href={props.backHref}>{t('qr.back')}</a>
      </p>
      <SupportContactNote t={t} />
      <script src="/assets/enrollment-wait.js" nonce={props.nonce} defer />
    </Layout>
  );
}

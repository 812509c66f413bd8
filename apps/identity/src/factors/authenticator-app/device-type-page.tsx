import { SupportContactNote } from '../../branding/support-contact-note.tsx';
import { Layout, type PageProps } from '../../ui/layout.tsx';
import { GetAppDetails } from './get-app-details.tsx';

export interface DeviceTypePageProps extends Omit<PageProps, 'title' | 'children'> {
  action: string;
  csrf: string;
  backHref: string;
  appUrl: string;
  appQrSvg: string;
}

/** Step 4 of the guide: « iPhone » or « Android », then « Suivant ». */
export function DeviceTypePage(props: DeviceTypePageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={t('device.title')}>
      <h1>{t('device.title')}</h1>
      <form method="post" action={props.action}>
        <input type="hidden" name="csrf" value={props.csrf} />
        <fieldset class="choices">
          <legend>{t('device.question')}</legend>
          <label class="choice">
            <input type="radio" name="platform" value="ios" required checked />
            <span>{t('device.iphone')}</span>
          </label>
          <label class="choice">
            <input type="radio" name="platform" value="android" required />
            <span>{t('device.android')}</span>
          </label>
        </fieldset>
        <button class="button" type="submit">
          {t('device.next')}
        </button>
      </form>
      <GetAppDetails
        t={t}
        appUrl={props.appUrl}
        appQrSvg={props.appQrSvg}
        platforms={['ios', 'android']}
      />
      <SupportContactNote t={t} />
      <p>
        <a href={props.backHref}>{t('qr.back')}</a>
      </p>
    </Layout>
  );
}

import { Layout, type PageProps } from '../../ui/layout.tsx';

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
      <details class="get-app">
        <summary>{t('getApp.title')}</summary>
        <p>{t('getApp.iphone', { url: props.appUrl })}</p>
        <p>{t('getApp.android', { url: props.appUrl })}</p>
        <p class="help">{t('getApp.scan')}</p>
        {/* SVG from the qrcode library, of the app's own address. */}
        <div
          class="qr small"
          role="img"
          aria-label={props.appUrl}
          dangerouslySetInnerHTML={{ __html: props.appQrSvg }}
        />
      </details>
      <p>
        <a href={props.backHref}>{t('qr.back')}</a>
      </p>
    </Layout>
  );
}

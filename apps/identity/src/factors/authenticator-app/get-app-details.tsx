import type { Translate } from '../../ui/i18n/messages.ts';

/**
 * The guide's step 1, where the user needs it: how to install Sesame Verify (a web app: Safari's
 * « Sur l'écran d'accueil », Chrome's « Installer l'application ») with a QR code of its address.
 */
export function GetAppDetails(props: {
  t: Translate;
  appUrl: string;
  appQrSvg: string;
  platforms: ReadonlyArray<'ios' | 'android'>;
}) {
  const { t } = props;
  return (
    <details class="get-app">
      <summary>{t('getApp.title')}</summary>
      {props.platforms.map((platform) => (
        <p key={platform}>
          {t(platform === 'ios' ? 'getApp.iphone' : 'getApp.android', { url: props.appUrl })}
        </p>
      ))}
      <p class="help">{t('getApp.scan')}</p>
      {/* SVG from the qrcode library, of the app's own address. */}
      <div
        class="qr small"
        role="img"
        aria-label={props.appUrl}
        dangerouslySetInnerHTML={{ __html: props.appQrSvg }}
      />
    </details>
  );
}

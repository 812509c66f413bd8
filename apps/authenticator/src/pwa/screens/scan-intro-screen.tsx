/** Step 5.4 of the guide: "Scanner un code QR", or type the activation code by hand. */
import { useApp } from '../app-services.ts';
import { QrIcon } from '../components/icons.tsx';
import { Screen } from '../components/screen.tsx';
import type { Navigation } from '../navigation.ts';

export function ScanIntroScreen(props: { nav: Navigation }) {
  const { t } = useApp();
  return (
    <Screen name="scan-intro" title={t('scan.title')} onBack={props.nav.back}>
      <div class="illustration">
        <QrIcon />
      </div>
      <p>{t('scan.text')}</p>
      <button type="button" class="button" onClick={() => props.nav.go({ name: 'scanner' })}>
        {t('scan.start')}
      </button>
      <button type="button" class="link-button" onClick={() => props.nav.go({ name: 'manual' })}>
        {t('scan.manual')}
      </button>
    </Screen>
  );
}

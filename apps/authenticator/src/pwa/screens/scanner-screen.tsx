/**
 * The camera (guide, step 6): decodes every frame until it sees a Sesame activation link of
 * this organization, then goes on to the confirmation. For « Autre » (`other`), until it sees
 * another service's `otpauth://totp/…` code. Camera refused or missing: say so, and offer the
 * manual path.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ActivationLink, parseActivationLink } from '../../core/parse-activation-link.ts';
import {
  isOtpauthError,
  type OtpauthErrorCode,
  parseOtpauthUri,
} from '../../core/parse-otpauth-uri.ts';
import { useApp } from '../app-services.ts';
import { Alert, Screen } from '../components/screen.tsx';
import type { MessageKey } from '../i18n/i18n.ts';
import type { Navigation } from '../navigation.ts';
import { CameraError, type CameraProblem, startQrScanner } from '../qr-scanner.ts';

const cameraMessages: Record<CameraProblem, MessageKey> = {
  denied: 'scan.cameraDenied',
  missing: 'scan.cameraMissing',
  failed: 'scan.cameraFailed',
};

type ScanFeedback =
  | { kind: 'not-activation' }
  | { kind: 'otpauth'; code: OtpauthErrorCode }
  | { kind: 'other-organization'; link: string; host: string };

export function ScannerScreen(props: { nav: Navigation; other?: boolean }) {
  const { t, services } = useApp();
  const video = useRef<HTMLVideoElement>(null);
  const [starting, setStarting] = useState(true);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [feedback, setFeedback] = useState<ScanFeedback | null>(null);

  useEffect(() => {
    const other = props.other === true;
    let scanner: { stop(): void } | undefined;
    let cancelled = false;
    const onOtpauth = (text: string): boolean => {
      try {
        props.nav.replace({ name: 'other-confirm', account: parseOtpauthUri(text) });
        return true;
      } catch (error) {
        setFeedback({
          kind: 'otpauth',
          code: isOtpauthError(error) ? error.code : 'otpauth.invalid',
        });
        return false;
      }
    };
    const onCode = (text: string): boolean => {
      if (other) return onOtpauth(text);
      let link: ActivationLink;
      try {
        link = parseActivationLink(text);
      } catch {
        setFeedback({ kind: 'not-activation' });
        return false;
      }
      // The PWA can only talk to its own server (CSP connect-src 'self'): another organization's
      // link opens in that organization's Sesame Verify instead.
      if (link.issuer !== services.origin) {
        setFeedback({
          kind: 'other-organization',
          link: text.trim(),
          host: new URL(link.issuer).host,
        });
        return false;
      }
      props.nav.replace({ name: 'confirm', pending: { issuer: link.issuer, token: link.token } });
      return true;
    };
    if (video.current) {
      startQrScanner({ video: video.current, onCode })
        .then((started) => {
          if (cancelled) started.stop();
          else scanner = started;
        })
        .catch((error: unknown) => {
          if (!cancelled) setProblem(error instanceof CameraError ? error.problem : 'failed');
        })
        .finally(() => {
          if (!cancelled) setStarting(false);
        });
    }
    return () => {
      cancelled = true;
      scanner?.stop();
    };
  }, [props.nav, props.other, services.origin]);

  return (
    <Screen name="scanner" title={t('scan.title')} onBack={props.nav.back}>
      {problem ? (
        <Alert kind="error" testId="camera-problem">
          {t(cameraMessages[problem])}
        </Alert>
      ) : (
        <div class="viewfinder" role="img" aria-label={t('scan.viewfinder')}>
          <video ref={video} muted playsInline autoPlay data-testid="camera" />
          <div class="viewfinder-frame" aria-hidden="true" />
        </div>
      )}
      {!problem && <p class="muted center">{starting ? t('scan.starting') : t('scan.hint')}</p>}
      {feedback?.kind === 'not-activation' && (
        <Alert kind="error" testId="scan-feedback">
          {t('scan.notActivation')}
        </Alert>
      )}
      {feedback?.kind === 'otpauth' && (
        <Alert kind="error" testId="scan-feedback">
          {t(`errors.${feedback.code}`)}
        </Alert>
      )}
      {feedback?.kind === 'other-organization' && (
        <Alert kind="error" testId="scan-feedback">
          {t('scan.otherOrganization', { org: feedback.host })}{' '}
          <a href={feedback.link}>{t('scan.openOther', { org: feedback.host })}</a>
        </Alert>
      )}
      <button
        type="button"
        class={problem ? 'button' : 'link-button'}
        onClick={() => props.nav.replace({ name: props.other ? 'other-manual' : 'manual' })}
      >
        {props.other ? t('other.typeKey') : t('scan.manual')}
      </button>
    </Screen>
  );
}

/**
 * The recovery codes' pages: the offer (what they are, « Générer mes codes »; from the security
 * page, what regenerating does), and the codes shown once — to copy, download as a text file or
 * print (the print stylesheet keeps only the codes) — with the advice to keep them safe.
 */
import { Layout, type PageProps } from '../../ui/layout.tsx';

export interface RecoveryCodesOfferPageProps extends Omit<PageProps, 'title' | 'children'> {
  action: string;
  csrf: string;
  /** Unused codes of the current set, when there is one (regeneration). */
  remaining: number | undefined;
  backHref: string;
}

export function RecoveryCodesOfferPage(props: RecoveryCodesOfferPageProps) {
  const { t } = props;
  const again = props.remaining !== undefined;
  return (
    <Layout {...props} title={t('recoveryCodes.title')}>
      <h1>{t('recoveryCodes.title')}</h1>
      <p>{t('recoveryCodes.intro')}</p>
      {again ? (
        <p class="alert warning">
          {t('recoveryCodes.replaces', { count: String(props.remaining) })}
        </p>
      ) : null}
      <form method="post" action={props.action}>
        <input type="hidden" name="csrf" value={props.csrf} />
        <button class="button" type="submit">
          {t(again ? 'recoveryCodes.regenerate' : 'recoveryCodes.generateMine')}
        </button>
      </form>
      <p>
        <a href={props.backHref}>{t('recoveryCodes.back')}</a>
      </p>
    </Layout>
  );
}

export interface RecoveryCodesShownPageProps extends Omit<PageProps, 'title' | 'children'> {
  codes: string[];
  /** Whose codes, in the downloaded file. */
  username: string;
  continueHref: string;
}

/** The text file « Télécharger » saves: who, the advice, the codes. */
export function recoveryCodesFile(props: RecoveryCodesShownPageProps): string {
  const { t } = props;
  const lines = [
    t('recoveryCodes.fileHeading', { username: props.username }),
    t('recoveryCodes.keepSafe'),
    '',
    ...props.codes.map((code, i) => `${String(i + 1).padStart(2, ' ')}. ${code}`),
    '',
  ];
  return lines.join('\r\n');
}

export function RecoveryCodesShownPage(props: RecoveryCodesShownPageProps) {
  const { t } = props;
  const file = `data:text/plain;charset=utf-8,${encodeURIComponent(recoveryCodesFile(props))}`;
  return (
    <Layout {...props} title={t('recoveryCodes.shownTitle')}>
      <h1>{t('recoveryCodes.shownTitle')}</h1>
      <p class="alert warning" role="note">
        {t('recoveryCodes.keepSafe')}
      </p>
      <p>{t('recoveryCodes.shownIntro')}</p>
      <ol class="recovery-codes" id="recovery-codes" aria-label={t('recoveryCodes.listLabel')}>
        {props.codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div class="code-actions no-print">
        <button class="button secondary" type="button" data-copy-codes hidden>
          {t('recoveryCodes.copy')}
        </button>
        <a class="button secondary" href={file} download={t('recoveryCodes.fileName')}>
          {t('recoveryCodes.download')}
        </a>
        <button class="button secondary" type="button" data-print-codes hidden>
          {t('recoveryCodes.print')}
        </button>
      </div>
      <p class="muted no-print" role="status" aria-live="polite" data-copied-status>
        {''}
      </p>
      <p class="no-print">
        <a class="button" href={props.continueHref}>
          {t('recoveryCodes.continue')}
        </a>
      </p>
      <template data-copied-text>{t('recoveryCodes.copied')}</template>
      <script src="/assets/recovery-codes.js" nonce={props.nonce} defer />
    </Layout>
  );
}

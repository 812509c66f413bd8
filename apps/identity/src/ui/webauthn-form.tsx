import type { ComponentChildren } from 'preact';
import type { Translate } from './i18n/messages.ts';
import { webauthnBrowserScriptPath } from './webauthn-browser-script.ts';

export interface WebauthnFormProps {
  t: Translate;
  nonce: string;
  action: string;
  /** `create`: a registration (navigator.credentials.create); `get`: an assertion. */
  ceremony: 'create' | 'get';
  /** The options as @simplewebauthn/server made them, JSON. */
  options: string;
  /** Hidden fields posted with the browser's answer (csrf, challengeId…). */
  hidden: Record<string, string>;
  /** The field the browser's answer is posted in. */
  responseField: string;
  label: string;
  /** Fields the user fills before the ceremony (the key's name). */
  children?: ComponentChildren;
  /** A button of the second rank (beside a form that comes first). */
  secondary?: boolean;
}

/**
 * A form that runs a WebAuthn ceremony in the browser when it is sent
 * (public/webauthn-ceremony.js), then posts the browser's answer; what went wrong on the
 * browser's side (cancelled, no key) is said in the page, in its live region.
 */
export function WebauthnForm(props: WebauthnFormProps) {
  const { t } = props;
  return (
    <form
      method="post"
      action={props.action}
      class="webauthn"
      data-webauthn={props.ceremony}
      data-options={props.options}
    >
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name={props.responseField} value="" data-webauthn-response />
      {props.children}
      <button class={props.secondary ? 'button secondary' : 'button'} type="submit">
        {props.label}
      </button>
      <p
        class="muted"
        role="status"
        aria-live="polite"
        data-webauthn-status
        data-waiting={t('webauthn.waiting')}
      />
      <p class="alert error" role="alert" hidden data-webauthn-error>
        {t('webauthn.browserFailed')}
      </p>
      <p class="alert error" role="alert" hidden data-webauthn-unsupported>
        {t('webauthn.unsupported')}
      </p>
      <noscript>
        <p class="help">{t('webauthn.needsJavaScript')}</p>
      </noscript>
      <script src={webauthnBrowserScriptPath} nonce={props.nonce} defer />
      <script src="/assets/webauthn-ceremony.js" nonce={props.nonce} defer />
    </form>
  );
}

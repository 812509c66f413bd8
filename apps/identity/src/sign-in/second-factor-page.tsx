import { SupportContactNote } from '../branding/support-contact-note.tsx';
import type { VerificationPrompt } from '../factors/factor.ts';
import { CodeForm } from '../ui/code-form.tsx';
import { Layout, type PageProps } from '../ui/layout.tsx';
import { ResendForm } from '../ui/resend-form.tsx';
import { WebauthnForm } from '../ui/webauthn-form.tsx';

export interface MethodChoice {
  id: string;
  /** The link's whole text (« Utiliser … »). */
  label: string;
  href: string;
}

export interface SecondFactorPageProps extends Omit<PageProps, 'title' | 'children'> {
  /** Where the step's pages live: `<base>/verify`. */
  action: string;
  csrf: string;
  authenticatorId: string;
  prompt: VerificationPrompt;
  /** The page's own links for the method's other ways (`?authenticator=…&way=…`). */
  wayHref: (way: string) => string;
  failed: boolean;
  others: MethodChoice[];
  /** « Ne plus demander sur cet appareil pendant N jours », when the organization allows it. */
  rememberDays: number;
  /** The box was ticked (before a refused code, or the push sent): kept, and carried by the wait. */
  remember: boolean;
}

/** The box, in every form that can pass the step; a hidden copy in the wait's own form. */
function RememberBox(props: { t: PageProps['t']; days: number; form: string; checked: boolean }) {
  const id = `remember-${props.form}`;
  return (
    <div class="checkbox">
      <input type="checkbox" id={id} name="remember" value="1" checked={props.checked} />
      <label for={id}>{props.t('verify.remember', { days: String(props.days) })}</label>
    </div>
  );
}

/**
 * Signing in later (the guide's last paragraph): what the chosen method asks — its 6-digit code,
 * a button that sends a request to the phone, or the number to type there while the page waits —
 * and the account's other methods.
 */
export function SecondFactorPage(props: SecondFactorPageProps) {
  const { t, prompt } = props;
  const box = (form: string) =>
    props.rememberDays > 0 ? (
      <RememberBox t={t} days={props.rememberDays} form={form} checked={props.remember} />
    ) : null;
  return (
    <Layout {...props} title={t('verify.title')}>
      <h1>{t('verify.title')}</h1>
      <p>{prompt.intro}</p>
      {prompt.warning !== undefined ? (
        <p class="alert warning" id="method-warning">
          {prompt.warning}
        </p>
      ) : null}
      {props.failed || prompt.notice !== undefined ? (
        <p class="alert error" role="alert" id="code-error">
          {prompt.notice ?? t('verify.invalid')}
        </p>
      ) : null}
      {prompt.form === 'code' ? (
        <CodeForm
          action={props.action}
          csrf={props.csrf}
          authenticatorId={props.authenticatorId}
          label={prompt.field?.label ?? t('verify.code')}
          field={prompt.field}
          submit={t('verify.submit')}
          errorId={props.failed ? 'code-error' : undefined}
          extra={box('code')}
        />
      ) : null}
      {prompt.form === 'code' && prompt.resend !== undefined ? (
        <ResendForm
          action={`${props.action}/start`}
          csrf={props.csrf}
          authenticatorId={props.authenticatorId}
          label={prompt.resend}
        />
      ) : null}
      {prompt.form === 'start' ? (
        <form method="post" action={`${props.action}/start`}>
          <input type="hidden" name="csrf" value={props.csrf} />
          <input type="hidden" name="authenticatorId" value={props.authenticatorId} />
          {box('start')}
          <button class="button" type="submit">
            {prompt.label}
          </button>
        </form>
      ) : null}
      {prompt.form === 'webauthn' ? (
        <WebauthnForm
          t={t}
          nonce={props.nonce}
          action={props.action}
          ceremony="get"
          options={prompt.options}
          hidden={{
            csrf: props.csrf,
            authenticatorId: props.authenticatorId,
            challengeId: prompt.challengeId,
          }}
          responseField="assertion"
          label={prompt.label}
        >
          {box('webauthn')}
        </WebauthnForm>
      ) : null}
      {prompt.form === 'wait' ? (
        <div
          class="push-wait"
          data-challenge-events={`${props.action}/events?authenticator=${props.authenticatorId}&challenge=${prompt.challengeId}`}
          data-denied={`${props.action}/denied`}
        >
          <p class="push-number" aria-describedby="push-number-help">
            {prompt.number}
          </p>
          <p id="push-number-help" class="help">
            {t('verify.push.numberHelp')}
          </p>
          <p class="muted" role="status" data-waiting>
            {t('verify.push.waiting')}
          </p>
          {/* Sent by the page when the phone has answered; a button without JavaScript. */}
          <form method="post" action={props.action} data-settled-form>
            <input type="hidden" name="csrf" value={props.csrf} />
            <input type="hidden" name="authenticatorId" value={props.authenticatorId} />
            <input type="hidden" name="challengeId" value={prompt.challengeId} />
            <input type="hidden" name="number" value={prompt.number} />
            {props.remember ? <input type="hidden" name="remember" value="1" /> : null}
            <button class="button secondary" type="submit" data-continue>
              {t('verify.push.continue')}
            </button>
          </form>
          <script src="/assets/challenge-wait.js" nonce={props.nonce} defer />
        </div>
      ) : null}
      {prompt.ways !== undefined && prompt.ways.length > 0 ? (
        <ul class="ways">
          {prompt.ways.map((way) => (
            <li key={way.way}>
              <a href={props.wayHref(way.way)}>{way.label}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {props.others.length > 0 ? (
        <details class="other-methods">
          <summary>{t('verify.otherMethod')}</summary>
          <ul>
            {props.others.map((method) => (
              <li key={method.id}>
                <a href={method.href}>{method.label}</a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {/* A lost phone, a method that cannot be used: who can help. */}
      <SupportContactNote t={t} />
    </Layout>
  );
}

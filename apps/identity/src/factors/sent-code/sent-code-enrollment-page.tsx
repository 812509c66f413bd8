import { CodeForm } from '../../ui/code-form.tsx';
import { Layout, type PageProps } from '../../ui/layout.tsx';
import { ResendForm } from '../../ui/resend-form.tsx';

export interface SentCodeEnrollmentPageProps extends Omit<PageProps, 'title' | 'children'> {
  heading: string;
  intro: string;
  /** A caution about the method, or why it cannot be enrolled now. */
  note: string | undefined;
  /** `refused`: nothing to do here (no destination, or not as the only method). */
  state: 'refused' | 'start' | 'code';
  /** Where the code is confirmed; `<action>/send` sends one. */
  action: string;
  csrf: string;
  authenticatorId: string | undefined;
  sendLabel: string;
  /** Why the last action failed (a wrong code, a resend too soon). */
  error: string | undefined;
  backHref: string;
}

/** Enrolling an email or SMS code: send a code to the account's own address or number, type it. */
export function SentCodeEnrollmentPage(props: SentCodeEnrollmentPageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={props.heading}>
      <h1>{props.heading}</h1>
      <p>{props.intro}</p>
      {props.note === undefined ? null : (
        <p class="notice" role="note">
          <span aria-hidden="true">ℹ︎ </span>
          {props.note}
        </p>
      )}
      {props.error === undefined ? null : (
        <p class="alert error" role="alert" id="sent-code-error">
          {props.error}
        </p>
      )}
      {props.state === 'start' ? (
        <form method="post" action={`${props.action}/send`}>
          <input type="hidden" name="csrf" value={props.csrf} />
          <button class="button" type="submit">
            {props.sendLabel}
          </button>
        </form>
      ) : null}
      {props.state === 'code' && props.authenticatorId !== undefined ? (
        <>
          <CodeForm
            action={props.action}
            csrf={props.csrf}
            authenticatorId={props.authenticatorId}
            label={t('sentCode.code')}
            submit={t('sentCode.confirm')}
            errorId={props.error === undefined ? undefined : 'sent-code-error'}
          />
          <ResendForm
            action={`${props.action}/send`}
            csrf={props.csrf}
            authenticatorId={props.authenticatorId}
            label={t('sentCode.resend')}
          />
        </>
      ) : null}
      <p>
        <a href={props.backHref}>{t('qr.back')}</a>
      </p>
    </Layout>
  );
}

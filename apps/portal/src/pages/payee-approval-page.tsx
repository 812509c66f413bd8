/**
 * Waiting for the client's approval in Sesame Verify (CIBA, issue 7 §3): what is asked, and the
 * number to type in the app, in big digits. A small script asks the portal every 2 s whether it
 * is settled and moves on by itself; without it, « Vérifier » posts the same check. Once the
 * request is over without the payee (declined, expired), the page says so and leads back.
 */
import type { VNode } from 'preact';
import { type Lang, messagesFor } from '../i18n/language.ts';
import type { PayeeApproval } from '../session-store.ts';
import { Layout } from './layout.tsx';

export const APPROVAL_PATH = '/payees/approval';
export const APPROVAL_STATUS_PATH = '/payees/approval/status';
export const APPROVAL_SCRIPT_PATH = '/assets/payee-approval.js';

export function PayeeApprovalPage(props: {
  lang: Lang;
  approval: PayeeApproval;
  csrfToken: string;
}): VNode {
  const { lang, approval } = props;
  const t = messagesFor(lang).payees;
  return (
    <Layout lang={lang} title={t.waitTitle} path={APPROVAL_PATH}>
      <section class="card card--narrow approval" aria-labelledby="approval-title">
        <h1 id="approval-title">{t.waitTitle}</h1>
        <p class="approval__message" data-testid="binding-message">
          {approval.bindingMessage}
        </p>
        {approval.outcome === undefined ? (
          <Waiting t={t} approval={approval} csrfToken={props.csrfToken} />
        ) : (
          <>
            <p class="status status--warn" role="alert" data-testid="approval-outcome">
              {t[approval.outcome]}
            </p>
            <p>{t.tryAgain}</p>
            <a class="button button--primary" href="/dashboard">
              {t.backToDashboard}
            </a>
          </>
        )}
      </section>
    </Layout>
  );
}

function Waiting(props: {
  t: ReturnType<typeof messagesFor>['payees'];
  approval: PayeeApproval;
  csrfToken: string;
}): VNode {
  const { t, approval } = props;
  return (
    <>
      <p>{t.waitLead}</p>
      <p class="approval__number-label" id="approval-number-label">
        {t.numberHelp}
      </p>
      <p class="approval__number" data-testid="approval-number">
        {approval.number}
      </p>
      <p class="help">{t.waitExpires}</p>
      <form
        method="post"
        action={APPROVAL_STATUS_PATH}
        data-approval-status=""
        class="approval__check"
      >
        <input type="hidden" name="csrf" value={props.csrfToken} />
        <p class="help">{t.waitNoScript}</p>
        <button type="submit" class="button button--secondary">
          {t.check}
        </button>
      </form>
      <a href="/dashboard">{t.cancel}</a>
      <script src={APPROVAL_SCRIPT_PATH} defer />
    </>
  );
}

/**
 * A sign-in request (issue 7 §1): what is asked comes first — the application, the browser and
 * system, the IP address, the time — then the number shown on the computer, typed (or tapped
 * among three), and « Approuver » or « Ce n'était pas moi ». Never a bare approval: without the
 * number there is nothing to approve with. An operation an application asks to approve (a payee
 * to add, CIBA's binding message, issue 7 §3) says so first: « Approuver une opération », then
 * « Demande de Espace client : Ajouter le bénéficiaire Marie Tremblay ? ».
 */
import type { PushRequest } from '@sesame/contracts';
import { useState } from 'preact/hooks';
import { organizationTitle, type StoredAccount } from '../../core/account-store.ts';
import { answerPushRequest } from '../../core/push-requests.ts';
import { isVerifyError, type VerifyErrorCode } from '../../core/verify-error.ts';
import { useApp } from '../app-services.ts';
import { Alert, Screen } from '../components/screen.tsx';
import type { Navigation } from '../navigation.ts';
import { useNow } from '../use-now.ts';

export function PushRequestScreen(props: {
  account: StoredAccount;
  request: PushRequest;
  nav: Navigation;
  onAnswered: (id: string) => void;
}) {
  const { t, services, lang } = useApp();
  const nowMs = useNow(services.now);
  const { request, account } = props;
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<VerifyErrorCode | 'unexpected' | 'number' | null>(null);
  const org = organizationTitle(account);
  const secondsLeft = Math.max(0, Math.ceil((request.expiresAt - nowMs) / 1000));
  const digits = request.mode === 'typed-6' ? 6 : 2;
  const operation = request.bindingMessage;
  const application = request.application;

  const answer = async (decision: 'approve' | 'deny', chosen = number) => {
    if (busy) return;
    if (decision === 'approve' && chosen.replace(/\s/g, '').length !== digits) {
      setError('number');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await answerPushRequest({
        fetch: services.fetch,
        account,
        nowMs: services.now(),
        requestId: request.id,
        decision,
        ...(decision === 'approve' ? { number: chosen } : {}),
      });
      props.onAnswered(request.id);
      props.nav.home({
        kind: 'ok',
        text:
          decision === 'deny'
            ? t('push.denied')
            : operation === undefined
              ? t('push.approved')
              : t('push.operationApproved', { application }),
      });
    } catch (caught) {
      const code = isVerifyError(caught) ? caught.code : 'unexpected';
      // Whatever the server said, this request is over except after a network failure.
      if (code !== 'network' && code !== 'rate_limited') props.onAnswered(request.id);
      setError(code);
      setBusy(false);
    }
  };

  const over = secondsLeft === 0 || (error !== null && error !== 'number' && error !== 'network');
  const time = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    timeStyle: 'short',
  }).format(request.createdAt);
  return (
    <Screen
      name="push-request"
      title={t(operation === undefined ? 'push.title' : 'push.operationTitle')}
      onBack={busy ? undefined : props.nav.back}
    >
      {operation === undefined ? (
        <p>
          <strong>{t('push.question')}</strong>
        </p>
      ) : (
        <>
          <p class="operation" data-testid="push-operation">
            <strong>{t('push.operationAsked', { application, message: operation })}</strong>
          </p>
          <p>{t('push.operationQuestion')}</p>
        </>
      )}
      <dl class="details" data-testid="push-context">
        <dt>{t('push.application')}</dt>
        <dd>{application}</dd>
        {/* An operation is asked by the application's server: no browser of the client's to show. */}
        {operation === undefined && (
          <>
            <dt>{t('push.browser')}</dt>
            <dd>{request.browser ?? t('push.unknown')}</dd>
            <dt>{t('push.system')}</dt>
            <dd>{request.system ?? t('push.unknown')}</dd>
            <dt>{t('push.ip')}</dt>
            <dd>{request.ip}</dd>
            {request.place !== undefined && (
              <>
                <dt>{t('push.place')}</dt>
                <dd>{request.place[lang === 'fr' ? 'fr' : 'en']}</dd>
              </>
            )}
          </>
        )}
        <dt>{t('push.time')}</dt>
        <dd>{time}</dd>
      </dl>
      <p class="muted" aria-live="polite">
        {t('push.expiresIn', { seconds: secondsLeft })}
      </p>
      {error && error !== 'number' && (
        <Alert kind="error" testId="push-error">
          {t(error === 'unexpected' ? 'errors.unexpected' : `errors.${error}`, { org })}
        </Alert>
      )}
      {!over && request.mode === 'pick-3' && (
        <fieldset class="number-choices" disabled={busy}>
          <legend>{t('push.pickNumber')}</legend>
          {(request.choices ?? []).map((choice) => (
            <button
              key={choice}
              type="button"
              class="button secondary"
              onClick={() => void answer('approve', choice)}
            >
              {choice}
            </button>
          ))}
        </fieldset>
      )}
      {!over && request.mode !== 'pick-3' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void answer('approve');
          }}
          noValidate
        >
          <div class="field">
            <label for="push-number">
              {operation === undefined
                ? t('push.typeNumber')
                : t('push.operationTypeNumber', { application })}
            </label>
            <input
              id="push-number"
              type="text"
              inputMode="numeric"
              autocomplete="one-time-code"
              maxLength={digits + 2}
              value={number}
              onInput={(event) => setNumber(event.currentTarget.value)}
              aria-describedby={
                error === 'number' ? 'push-number-help push-number-error' : 'push-number-help'
              }
              aria-invalid={error === 'number' ? 'true' : undefined}
              disabled={busy}
            />
            <p id="push-number-help" class="help">
              {t('push.typeNumberHelp', { digits })}
            </p>
            {error === 'number' && (
              <p id="push-number-error" class="field-error">
                {t('push.numberRequired')}
              </p>
            )}
          </div>
          <button type="submit" class="button" disabled={busy}>
            {t('push.approve')}
          </button>
        </form>
      )}
      {!over && (
        <button
          type="button"
          class="button danger"
          disabled={busy}
          onClick={() => void answer('deny')}
        >
          {t('push.deny')}
        </button>
      )}
    </Screen>
  );
}

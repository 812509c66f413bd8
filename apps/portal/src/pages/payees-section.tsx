/**
 * The dashboard's « Bénéficiaires »: the client's payees, the one just added (after its approval in
 * Sesame Verify), and the form « Ajouter un bénéficiaire », which leads to that approval.
 */
import type { VNode } from 'preact';
import { formatDate } from '../demo-data.ts';
import { format, type Lang, localeFor, messagesFor } from '../i18n/language.ts';
import { PAYEE_NAME_MAX_LENGTH, type Payee } from '../payees.ts';

export interface PayeesSectionProps {
  lang: Lang;
  payees: readonly Payee[];
  csrfToken: string;
  /** The payee just added, confirmed once. */
  addedPayee?: string | undefined;
  /** The form as posted, when its name was refused. */
  rejectedName?: string | undefined;
}

export function PayeesSection(props: PayeesSectionProps): VNode {
  const { lang, payees } = props;
  const t = messagesFor(lang).payees;
  const invalid = props.rejectedName !== undefined;
  return (
    <section class="card payees" aria-labelledby="payees-title">
      <h2 id="payees-title">{t.title}</h2>
      {props.addedPayee === undefined ? null : (
        <p class="status status--ok" role="status" data-testid="payee-added">
          {format(t.added, { name: props.addedPayee })}
        </p>
      )}
      {payees.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ul class="payees__list" data-testid="payees">
          {payees.map((payee) => (
            <li class="payees__item" key={`${payee.name}-${payee.addedAtMs}`}>
              <span class="payees__name">{payee.name}</span>{' '}
              <span class="payees__date">
                {format(t.addedOn, { date: formatDate(payee.addedAtMs, localeFor(lang)) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form class="payees__form" method="post" action="/payees" noValidate>
        <h3>{t.addTitle}</h3>
        <input type="hidden" name="csrf" value={props.csrfToken} />
        <div class="field">
          <label for="payee-name">{t.nameLabel}</label>
          <input
            id="payee-name"
            name="name"
            type="text"
            autocomplete="off"
            maxLength={PAYEE_NAME_MAX_LENGTH + 20}
            value={props.rejectedName ?? ''}
            required
            aria-describedby={invalid ? 'payee-name-help payee-name-error' : 'payee-name-help'}
            aria-invalid={invalid ? 'true' : undefined}
          />
          <p id="payee-name-help" class="help">
            {t.nameHelp}
          </p>
          {invalid ? (
            <p id="payee-name-error" class="field-error" role="alert">
              {t.nameInvalid}
            </p>
          ) : null}
        </div>
        <p class="help">{t.approvalNote}</p>
        <button type="submit" class="button button--primary">
          {t.addButton}
        </button>
      </form>
    </section>
  );
}

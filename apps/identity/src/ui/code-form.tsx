/**
 * The form that sends a 6-digit code (a second factor at sign-in, or the confirmation of a new
 * authenticator): the flow's CSRF token, the authenticator, and one numeric field that phones
 * fill from the keyboard's suggestion (`one-time-code`).
 */
import type { ComponentChildren } from 'preact';
import type { CodeField } from '../factors/factor.ts';

export interface CodeFormProps {
  action: string;
  csrf: string;
  authenticatorId: string;
  label: string;
  submit: string;
  /** Id of the error message the field is described by, when there is one. */
  errorId: string | undefined;
  /** More fields before the button (« Ne plus demander sur cet appareil »). */
  extra?: ComponentChildren;
  /** Another kind of code than 6 digits (a recovery code's letters and dashes). */
  field?: Pick<CodeField, 'pattern' | 'maxLength'>;
}

export function CodeForm(props: CodeFormProps) {
  return (
    <form method="post" action={props.action}>
      <input type="hidden" name="csrf" value={props.csrf} />
      <input type="hidden" name="authenticatorId" value={props.authenticatorId} />
      <div>
        <label for="code">{props.label}</label>
        <input
          id="code"
          name="code"
          type="text"
          {...(props.field === undefined
            ? { inputmode: 'numeric', autocomplete: 'one-time-code' }
            : { autocomplete: 'off', autocapitalize: 'characters', spellcheck: false })}
          pattern={props.field?.pattern ?? '[0-9 ]{6,7}'}
          maxLength={props.field?.maxLength ?? 7}
          required
          autofocus
          aria-describedby={props.errorId}
        />
      </div>
      {props.extra}
      <button class="button" type="submit">
        {props.submit}
      </button>
    </form>
  );
}

/**
 * The form that sends a 6-digit code (a second factor at sign-in, or the confirmation of a new
 * authenticator): the flow's CSRF token, the authenticator, and one numeric field that phones
 * fill from the keyboard's suggestion (`one-time-code`).
 */
export interface CodeFormProps {
  action: string;
  csrf: string;
  authenticatorId: string;
  label: string;
  submit: string;
  /** Id of the error message the field is described by, when there is one. */
  errorId: string | undefined;
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
          inputmode="numeric"
          autocomplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          maxLength={7}
          required
          autofocus
          aria-describedby={props.errorId}
        />
      </div>
      <button class="button" type="submit">
        {props.submit}
      </button>
    </form>
  );
}

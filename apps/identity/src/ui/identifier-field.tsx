/** A username (or email) field: what the sign-in and « Mot de passe oublié » pages ask first. */
export function IdentifierField(props: {
  id: string;
  name: string;
  label: string;
  value?: string;
  autofocus: boolean;
  describedBy?: string | undefined;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type="text"
        autocomplete="username"
        autocapitalize="none"
        spellcheck={false}
        required
        maxLength={254}
        value={props.value ?? ''}
        autofocus={props.autofocus}
        aria-describedby={props.describedBy}
      />
    </div>
  );
}

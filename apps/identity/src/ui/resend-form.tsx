/** « Renvoyer le code »: the challenge started again (a new code sent; the previous stops working). */
export function ResendForm(props: {
  action: string;
  csrf: string;
  authenticatorId: string;
  label: string;
}) {
  return (
    <form method="post" action={props.action} class="resend">
      <input type="hidden" name="csrf" value={props.csrf} />
      <input type="hidden" name="authenticatorId" value={props.authenticatorId} />
      <button class="button secondary" type="submit">
        {props.label}
      </button>
    </form>
  );
}

import type { Translate } from '../ui/i18n/messages.ts';

/** The end of a security page form: its button, and « Annuler » back to the security page. */
export function FormActions(props: { t: Translate; submit: string; danger?: boolean }) {
  return (
    <p class="form-actions">
      <button type="submit" class={props.danger === true ? 'button danger' : 'button'}>
        {props.submit}
      </button>{' '}
      <a href="/account">{props.t('account.remove.cancel')}</a>
    </p>
  );
}

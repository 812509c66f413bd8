/**
 * « Modifier le nom et le courriel »: the help desk corrects a client's name or address. A new
 * address is sent its verification link and the old one, if proved, is told of the change.
 */
import type { MessageKey } from '../ui/i18n/messages.ts';
import { ConsoleLayout, type ConsolePageProps } from './console-layout.tsx';

export interface EditUserForm {
  name: string;
  email: string;
}

export function EditUserPage(
  props: ConsolePageProps & {
    accountId: string;
    username: string;
    form: EditUserForm;
    problem: MessageKey | undefined;
  },
) {
  const { t, form } = props;
  const back = `/admin/users/${props.accountId}`;
  return (
    <ConsoleLayout {...props} title={t('admin.editUser.title')}>
      <p>
        <a href={back}>← {t('admin.tac.back')}</a>
      </p>
      <h1>{t('admin.editUser.title')}</h1>
      <p>{t('admin.editUser.intro', { username: props.username })}</p>
      {props.problem ? (
        <p class="alert error" role="alert">
          {t(props.problem)}
        </p>
      ) : null}
      <form method="post" action={`${back}/edit`}>
        <input type="hidden" name="csrf" value={props.admin.csrf} />
        <div>
          <label for="edit-name">{t('admin.users.name')}</label>
          <input
            id="edit-name"
            name="name"
            type="text"
            required
            maxLength={200}
            value={form.name}
          />
        </div>
        <div>
          <label for="edit-email">{t('admin.editUser.email')}</label>
          <input id="edit-email" name="email" type="email" maxLength={254} value={form.email} />
        </div>
        <button type="submit" class="button">
          {t('admin.editUser.submit')}
        </button>
      </form>
    </ConsoleLayout>
  );
}

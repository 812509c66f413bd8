/**
 * « Nouvel utilisateur »: the help desk creates a client's account (the guide's second trigger:
 * the client enrolls at the first sign-in). A password is generated and shown once, to give the
 * client; an email address, if given, is sent its verification link.
 */
import type { MessageKey } from '../ui/i18n/messages.ts';
import { ConsoleLayout, type ConsolePageProps } from './console-layout.tsx';

export interface NewUserForm {
  username: string;
  name: string;
  email: string;
  mode: 'password' | 'invite';
}

export function NewUserPage(
  props: ConsolePageProps & { form: NewUserForm; problem: MessageKey | undefined },
) {
  const { t, form } = props;
  return (
    <ConsoleLayout {...props} title={t('admin.newUser.title')}>
      <p>
        <a href="/admin/users">← {t('admin.user.back')}</a>
      </p>
      <h1>{t('admin.newUser.title')}</h1>
      <p>{t('admin.newUser.intro')}</p>
      {props.problem ? (
        <p class="alert error" role="alert">
          {t(props.problem)}
        </p>
      ) : null}
      <form method="post" action="/admin/users/new">
        <input type="hidden" name="csrf" value={props.admin.csrf} />
        <div>
          <label for="new-username">{t('admin.users.username')}</label>
          <input
            id="new-username"
            name="username"
            type="text"
            required
            maxLength={254}
            autocomplete="off"
            value={form.username}
          />
        </div>
        <div>
          <label for="new-name">{t('admin.users.name')}</label>
          <input id="new-name" name="name" type="text" maxLength={200} value={form.name} />
        </div>
        <div>
          <label for="new-email">{t('admin.newUser.email')}</label>
          <input id="new-email" name="email" type="email" maxLength={254} value={form.email} />
        </div>
        <fieldset>
          <legend>{t('admin.invite.how')}</legend>
          <label>
            <input type="radio" name="mode" value="password" checked={form.mode === 'password'} />{' '}
            {t('admin.invite.password')}
          </label>
          <label>
            <input type="radio" name="mode" value="invite" checked={form.mode === 'invite'} />{' '}
            {t('admin.invite.invite')}
          </label>
        </fieldset>
        <button type="submit" class="button">
          {t('admin.newUser.submit')}
        </button>
      </form>
    </ConsoleLayout>
  );
}

export function UserCreatedPage(
  props: ConsolePageProps & {
    accountId: string;
    username: string;
    password: string;
    verificationSent: boolean;
  },
) {
  const { t } = props;
  return (
    <ConsoleLayout {...props} title={t('admin.newUser.created')}>
      <h1>{t('admin.newUser.created')}</h1>
      <p role="status">{t('admin.newUser.createdIntro', { username: props.username })}</p>
      <p>{t('admin.newUser.password')}</p>
      <p class="secret">
        <code data-testid="temporary-password">{props.password}</code>
      </p>
      <p class="alert warning">{t('admin.newUser.shownOnce')}</p>
      {props.verificationSent ? <p>{t('admin.newUser.verificationSent')}</p> : null}
      <p>
        <a class="button secondary" href={`/admin/users/${props.accountId}`}>
          {t('admin.newUser.open')}
        </a>
      </p>
    </ConsoleLayout>
  );
}

/** « Inviter par courriel »: the account has no password; its address was sent the link. */
export function UserInvitedPage(
  props: ConsolePageProps & { accountId: string; username: string; email: string },
) {
  const { t } = props;
  return (
    <ConsoleLayout {...props} title={t('admin.newUser.created')}>
      <h1>{t('admin.newUser.created')}</h1>
      <p role="status">{t('admin.newUser.createdIntro', { username: props.username })}</p>
      <p>{t('admin.invite.sent', { email: props.email })}</p>
      <p>
        <a class="button secondary" href={`/admin/users/${props.accountId}`}>
          {t('admin.newUser.open')}
        </a>
      </p>
    </ConsoleLayout>
  );
}

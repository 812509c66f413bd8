/**
 * One account in the console: who it is, its state, what MFA asks of it, its methods, the help
 * desk's actions (each a form with the console's token), and its audit trail.
 */
import { formatWhen } from '../account/format-when.ts';
import { MethodUse } from '../account/method-use.tsx';
import type { AuditRecord } from '../audit/record-audit-event.ts';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { AuditTable } from './audit-table.tsx';
import { ConsoleLayout, type ConsolePageProps } from './console-layout.tsx';
import type { AccountRow } from './console-queries.ts';
import { StatusBadge } from './users-page.tsx';

export type UserAction = 'lock' | 'unlock' | 'require-mfa' | 'reset-mfa' | 'sign-out';

/** The buttons of the account page: its actions, « Émettre un code d'accès temporaire », « Renvoyer l'invitation ». */
type UserButton = UserAction | 'access-code' | 'invitation';

export interface UserPageProps extends ConsolePageProps {
  account: AccountRow;
  orgMfaRequired: boolean;
  /** The policy requires MFA of chosen groups (so of one of this account's, if required). */
  mfaByGroup: boolean;
  /** Invited, no password chosen yet (lifecycle/invitation.ts). */
  invitationPending: boolean;
  methods: Array<{ id: string; description: string; addedAt: number; lastUsedAt: number | null }>;
  events: AuditRecord[];
  /** The usernames of the accounts that acted (`admin:<id>`, `user:<id>`), by id. */
  actors: ReadonlyMap<string, string>;
  done: MessageKey | undefined;
}

export function UserPage(props: UserPageProps) {
  const { t, locale, account } = props;
  const mfa =
    account.mfa_required === 1
      ? t('admin.user.mfaByAccount')
      : props.orgMfaRequired
        ? t(props.mfaByGroup ? 'admin.user.mfaByGroup' : 'admin.user.mfaByOrg')
        : t('admin.user.mfaNotRequired');
  return (
    <ConsoleLayout {...props} title={account.username}>
      <p>
        <a href="/admin/users">← {t('admin.user.back')}</a>
      </p>
      <h1>{account.username}</h1>
      {props.done ? (
        <p class="alert ok" role="status">
          {t(props.done)}
        </p>
      ) : null}
      <h2>{t('admin.user.details')}</h2>
      <p>
        <a href={`/admin/users/${account.id}/edit`}>{t('admin.editUser.link')}</a>
      </p>
      <dl class="details">
        <dt>{t('admin.users.name')}</dt>
        <dd>{account.name}</dd>
        <dt>{t('admin.users.email')}</dt>
        <dd>{account.email ?? '—'}</dd>
        <dt>{t('admin.users.status')}</dt>
        <dd>
          <StatusBadge t={t} locked={account.locked === 1} />
        </dd>
        <dt>{t('admin.user.mfa')}</dt>
        <dd>{mfa}</dd>
        <dt>{t('admin.user.role')}</dt>
        <dd>
          {account.role === null
            ? t('admin.user.roleNone')
            : t(account.role === 'admin' ? 'admin.role.admin' : 'admin.role.helpdesk')}
        </dd>
        {props.invitationPending ? (
          <>
            <dt>{t('admin.invite.pendingLabel')}</dt>
            <dd>{t('admin.invite.pending')}</dd>
          </>
        ) : null}
        <dt>{t('admin.user.created')}</dt>
        <dd>{formatWhen(locale, account.created_at)}</dd>
      </dl>
      <h2>{t('admin.user.methods')}</h2>
      {props.methods.length === 0 ? <p class="muted">{t('admin.user.noMethods')}</p> : null}
      <ul class="factor-list">
        {props.methods.map((method) => (
          <li class="factor" key={method.id}>
            <strong>{method.description}</strong>
            <br />
            <MethodUse
              t={t}
              locale={locale}
              addedAt={method.addedAt}
              lastUsedAt={method.lastUsedAt}
            />
            <form method="post" action={`/admin/users/${account.id}/methods/${method.id}/remove`}>
              <input type="hidden" name="csrf" value={props.admin.csrf} />
              <button type="submit" class="button secondary">
                {t('admin.user.removeMethod')}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <h2>{t('admin.user.actions')}</h2>
      <UserActions {...props} />
      <h2>{t('admin.user.activity')}</h2>
      {props.events.length === 0 ? <p class="muted">{t('admin.user.noActivity')}</p> : null}
      <AuditTable t={t} locale={locale} events={props.events} actors={props.actors} />
    </ConsoleLayout>
  );
}

function UserActions(props: UserPageProps) {
  const { t, account, admin } = props;
  const action = (name: UserButton, label: MessageKey, extra?: Record<string, string>) => (
    <form method="post" action={`/admin/users/${account.id}/${name}`}>
      <input type="hidden" name="csrf" value={admin.csrf} />
      {Object.entries(extra ?? {}).map(([key, value]) => (
        <input type="hidden" name={key} value={value} key={key} />
      ))}
      <button
        type="submit"
        class={name === 'reset-mfa' || name === 'lock' ? 'button danger' : 'button secondary'}
      >
        {t(label)}
      </button>
    </form>
  );
  return (
    <div class="console-actions">
      {account.locked === 1
        ? action('unlock', 'admin.user.unlock')
        : action('lock', 'admin.user.lock')}
      {account.mfa_required === 1
        ? action('require-mfa', 'admin.user.stopRequiringMfa', { required: 'off' })
        : action('require-mfa', 'admin.user.requireMfa', { required: 'on' })}
      {action('reset-mfa', 'admin.user.resetMfa')}
      {action('sign-out', 'admin.user.endSessions')}
      {action('access-code', 'admin.tac.issue')}
      {props.invitationPending ? action('invitation', 'admin.invite.resend') : null}
      {admin.role === 'admin' && admin.accountId !== account.id ? (
        <a class="button danger" href={`/admin/users/${account.id}/delete`}>
          {t('admin.delete.button')}
        </a>
      ) : null}
      <p class="muted">{t('admin.user.resetMfaConfirm')}</p>
    </div>
  );
}

/** One group (administrators only): rename or describe it, its members with « Retirer », add one, delete it. */
import type { Group, GroupMember } from '../policy/groups-queries.ts';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { ConsoleLayout, type ConsolePageProps } from './console-layout.tsx';

export function GroupPage(
  props: ConsolePageProps & { group: Group; members: GroupMember[]; done?: MessageKey },
) {
  const { t, admin, group } = props;
  const base = `/admin/groups/${group.id}`;
  return (
    <ConsoleLayout {...props} title={group.name}>
      <p>
        <a href="/admin/groups">{t('admin.groups.back')}</a>
      </p>
      {props.done === undefined ? null : (
        <p class="alert ok" role="status">
          {t(props.done)}
        </p>
      )}
      <h1>{group.name}</h1>
      <form method="post" action={base}>
        <input type="hidden" name="csrf" value={admin.csrf} />
        <div>
          <label for="group-name">{t('admin.groups.name')}</label>
          <input
            id="group-name"
            name="name"
            type="text"
            required
            maxLength={100}
            value={group.name}
          />
        </div>
        <div>
          <label for="group-description">{t('admin.groups.description')}</label>
          <input
            id="group-description"
            name="description"
            type="text"
            maxLength={300}
            value={group.description}
          />
        </div>
        <button type="submit" class="button secondary">
          {t('admin.groups.save')}
        </button>
      </form>
      <h2>{t('admin.groups.members')}</h2>
      {props.members.length === 0 ? (
        <p class="muted">{t('admin.groups.noMembers')}</p>
      ) : (
        <ul>
          {props.members.map((member) => (
            <li key={member.accountId}>
              <a href={`/admin/users/${member.accountId}`}>{member.username}</a> ({member.name}){' '}
              <form
                method="post"
                action={`${base}/members/${member.accountId}/remove`}
                class="inline"
              >
                <input type="hidden" name="csrf" value={admin.csrf} />
                <button type="submit" class="link-button">
                  {t('admin.groups.remove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${base}/members`}>
        <input type="hidden" name="csrf" value={admin.csrf} />
        <div>
          <label for="member-username">{t('admin.groups.username')}</label>
          <input id="member-username" name="username" type="text" required maxLength={254} />
        </div>
        <button type="submit" class="button">
          {t('admin.groups.addMember')}
        </button>
      </form>
      <h2>{t('admin.groups.delete')}</h2>
      <p class="muted">{t('admin.groups.deleteHelp')}</p>
      <form method="post" action={`${base}/delete`}>
        <input type="hidden" name="csrf" value={admin.csrf} />
        <button type="submit" class="button danger">
          {t('admin.groups.delete')}
        </button>
      </form>
    </ConsoleLayout>
  );
}

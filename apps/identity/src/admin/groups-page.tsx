/** « Groupes » (administrators only): the groups with their members' count, and « Nouveau groupe ». */
import type { GroupSummary } from '../policy/groups-queries.ts';
import { ConsoleLayout, type ConsolePageProps } from './console-layout.tsx';

export function GroupsPage(props: ConsolePageProps & { groups: GroupSummary[] }) {
  const { t, admin } = props;
  return (
    <ConsoleLayout {...props} title={t('admin.groups.title')}>
      <h1>{t('admin.groups.title')}</h1>
      <p>{t('admin.groups.intro')}</p>
      {props.groups.length === 0 ? (
        <p class="muted">{t('admin.groups.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.groups.name')}</th>
                <th scope="col">{t('admin.groups.description')}</th>
                <th scope="col">{t('admin.groups.members')}</th>
                <th scope="col">{t('admin.groups.mfa')}</th>
              </tr>
            </thead>
            <tbody>
              {props.groups.map((group) => (
                <tr key={group.id}>
                  <td>
                    <a href={`/admin/groups/${group.id}`}>{group.name}</a>
                  </td>
                  <td>{group.description}</td>
                  <td>{group.members}</td>
                  <td>{group.requiresMfa ? '✓' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('admin.groups.new')}</h2>
      <form method="post" action="/admin/groups">
        <input type="hidden" name="csrf" value={admin.csrf} />
        <div>
          <label for="group-name">{t('admin.groups.name')}</label>
          <input id="group-name" name="name" type="text" required maxLength={100} />
        </div>
        <div>
          <label for="group-description">{t('admin.groups.description')}</label>
          <input id="group-description" name="description" type="text" maxLength={300} />
        </div>
        <button type="submit" class="button">
          {t('admin.groups.create')}
        </button>
      </form>
    </ConsoleLayout>
  );
}

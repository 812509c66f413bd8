/** « Utilisateurs »: search the accounts by username, email or name. */

import { ConsoleLayout, type ConsolePageProps } from './console-layout.tsx';
import type { AccountRow } from './console-queries.ts';

export function UsersPage(props: ConsolePageProps & { query: string; accounts: AccountRow[] }) {
  const { t } = props;
  return (
    <ConsoleLayout {...props} title={t('admin.users.title')}>
      <h1>{t('admin.users.title')}</h1>
      <p>
        <a class="button secondary" href="/admin/users/new">
          {t('admin.newUser.title')}
        </a>
      </p>
      <search>
        <form method="get" action="/admin/users" class="search-form">
          <div>
            <label for="q">{t('admin.users.search')}</label>
            <input id="q" name="q" type="text" value={props.query} maxLength={100} />
          </div>
          <button type="submit" class="button">
            {t('admin.users.searchSubmit')}
          </button>
        </form>
      </search>
      {props.accounts.length === 0 ? (
        <p class="muted">{t('admin.users.none')}</p>
      ) : (
        <>
          <p class="muted" aria-live="polite">
            {t('admin.users.count', { count: String(props.accounts.length) })}
          </p>
          <div class="table-scroll">
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.users.username')}</th>
                  <th scope="col">{t('admin.users.name')}</th>
                  <th scope="col">{t('admin.users.email')}</th>
                  <th scope="col">{t('admin.users.status')}</th>
                  <th scope="col">{t('admin.users.methods')}</th>
                </tr>
              </thead>
              <tbody>
                {props.accounts.map((account) => (
                  <tr key={account.id}>
                    <td>
                      <a href={`/admin/users/${account.id}`}>{account.username}</a>
                    </td>
                    <td>{account.name}</td>
                    <td>{account.email ?? ''}</td>
                    <td>
                      <StatusBadge t={t} locked={account.locked === 1} />
                    </td>
                    <td>{account.methods}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </ConsoleLayout>
  );
}

export function StatusBadge(props: { t: ConsolePageProps['t']; locked: boolean }) {
  return props.locked ? (
    <span class="badge locked">{props.t('admin.status.locked')}</span>
  ) : (
    <span class="badge">{props.t('admin.status.active')}</span>
  );
}

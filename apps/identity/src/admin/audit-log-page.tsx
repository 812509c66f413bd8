/** « Journal d'audit »: the organization's events, filtered, in pages, with their exports. */
import type { AuditRecord } from '../audit/record-audit-event.ts';
import { AuditTable } from './audit-table.tsx';
import { ConsoleLayout, type ConsolePageProps } from './console-layout.tsx';

export interface AuditLogQuery {
  account?: string | undefined;
  type?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  outcome?: 'success' | 'failure' | undefined;
}

export interface AuditLogPageProps extends ConsolePageProps {
  query: AuditLogQuery;
  events: AuditRecord[];
  usernames: ReadonlyMap<string, string>;
  /** The usernames of the accounts that acted, by id. */
  actors: ReadonlyMap<string, string>;
  /** The query string of the same filters (for the exports and the next page). */
  filters: string;
  nextBeforeId: number | undefined;
  /** The account named in the filter is not one (nothing is listed). */
  unknownAccount: boolean;
}

export function AuditLogPage(props: AuditLogPageProps) {
  const { t, locale, query } = props;
  const field = (name: keyof AuditLogQuery, label: string, date = false) => (
    <div>
      <label for={`audit-${name}`}>{label}</label>
      {date ? (
        <input id={`audit-${name}`} name={name} type="date" value={query[name] ?? ''} />
      ) : (
        <input id={`audit-${name}`} name={name} type="text" value={query[name] ?? ''} />
      )}
    </div>
  );
  return (
    <ConsoleLayout {...props} title={t('admin.audit.title')}>
      <h1>{t('admin.audit.title')}</h1>
      <search>
        <form method="get" action="/admin/audit" class="search-form">
          {field('account', t('admin.audit.account'))}
          {field('type', t('admin.audit.type'))}
          {field('from', t('admin.audit.from'), true)}
          {field('to', t('admin.audit.to'), true)}
          <div>
            <label for="audit-outcome">{t('admin.audit.outcome')}</label>
            <select id="audit-outcome" name="outcome">
              <option value="">{t('admin.audit.outcomeAll')}</option>
              <option value="success" selected={query.outcome === 'success'}>
                {t('admin.audit.success')}
              </option>
              <option value="failure" selected={query.outcome === 'failure'}>
                {t('admin.audit.failure')}
              </option>
            </select>
          </div>
          <button type="submit" class="button">
            {t('admin.audit.filter')}
          </button>
        </form>
      </search>
      <p>
        <a href={`/admin/audit/export.csv?${props.filters}`} download>
          {t('admin.audit.exportCsv')}
        </a>
        {' · '}
        <a href={`/admin/audit/export.jsonl?${props.filters}`} download>
          {t('admin.audit.exportJsonl')}
        </a>
      </p>
      {props.unknownAccount ? <p class="alert error">{t('admin.audit.unknownAccount')}</p> : null}
      {props.events.length === 0 ? <p class="muted">{t('admin.user.noActivity')}</p> : null}
      <AuditTable
        t={t}
        locale={locale}
        events={props.events}
        actors={props.actors}
        usernames={props.usernames}
      />
      {props.nextBeforeId === undefined ? null : (
        <p>
          <a href={`/admin/audit?${props.filters}&before=${props.nextBeforeId}`}>
            {t('admin.audit.older')}
          </a>
        </p>
      )}
    </ConsoleLayout>
  );
}

/**
 * Audit records as the console lists them: when, what (a failure marked), whose account (on the
 * organization's log, where rows are of many accounts), who acted (by username), from where.
 */
import { formatWhen } from '../account/format-when.ts';
import type { AuditRecord } from '../audit/record-audit-event.ts';
import { outcomeOf } from '../audit/search-audit-events.ts';
import type { Locale, Translate } from '../ui/i18n/messages.ts';

/** `admin:<id>` said with the administrator's username; `cli`, a device, as recorded. */
export function actorName(actor: string, actors: ReadonlyMap<string, string>): string {
  const [kind, id] = actor.split(':');
  const username = id === undefined ? undefined : actors.get(id);
  return username === undefined ? actor : `${kind}:${username}`;
}

export function AuditTable(props: {
  t: Translate;
  locale: Locale;
  events: AuditRecord[];
  /** The usernames of the accounts that acted, by id. */
  actors: ReadonlyMap<string, string>;
  /** The rows' accounts' usernames, for a column of them; absent: one account's trail. */
  usernames?: ReadonlyMap<string, string>;
}) {
  const { t, locale, usernames } = props;
  return (
    <div class="table-scroll">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.audit.when')}</th>
            <th scope="col">{t('admin.audit.what')}</th>
            {usernames ? <th scope="col">{t('admin.users.username')}</th> : null}
            <th scope="col">{t('admin.audit.who')}</th>
            <th scope="col">{t('admin.audit.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {props.events.map((event) => (
            <tr key={event.id}>
              <td>{formatWhen(locale, Number(event.occurred_at))}</td>
              <td>
                <code>{event.type}</code>
                {outcomeOf(event.type) === 'failure' ? (
                  <>
                    {' '}
                    <span class="badge locked">{t('admin.audit.failure')}</span>
                  </>
                ) : null}
                {event.reason ? ` (${event.reason})` : ''}
              </td>
              {usernames ? (
                <td>
                  {event.account_id === null ? (
                    ''
                  ) : (
                    <a href={`/admin/users/${event.account_id}`}>
                      {usernames.get(event.account_id) ?? event.account_id}
                    </a>
                  )}
                </td>
              ) : null}
              <td>{event.actor ? actorName(event.actor, props.actors) : ''}</td>
              <td>{event.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { Locale } from '../ui/i18n/messages.ts';
import { Layout, type PageProps } from '../ui/layout.tsx';

export interface MethodLine {
  id: string;
  description: string;
  addedAt: number;
  lastUsedAt: number | null;
}

export interface SignInLine {
  id: number;
  at: number;
  what: string;
  ip: string | null;
}

export interface AccountPageProps extends Omit<PageProps, 'title' | 'children'> {
  name: string;
  username: string;
  methods: MethodLine[];
  recent: SignInLine[];
  /** A method was just removed. */
  removed: boolean;
}

export function formatWhen(locale: Locale, ms: number): string {
  // The server does not know the reader's time zone: say UTC plainly.
  const formatted = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(ms);
  return `${formatted} UTC`;
}

/** The account's security page: its verification methods (each removable) and recent sign-ins. */
export function AccountPage(props: AccountPageProps) {
  const { t, locale } = props;
  return (
    <Layout {...props} title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      <p>{t('account.signedInAs', { name: props.name, username: props.username })}</p>
      {props.removed ? (
        <p class="alert ok" role="status">
          {t('account.removed')}
        </p>
      ) : null}
      <h2>{t('account.methods')}</h2>
      {props.methods.length === 0 ? <p class="muted">{t('account.noMethods')}</p> : null}
      <ul class="factor-list">
        {props.methods.map((method) => (
          <li class="factor" key={method.id}>
            <strong>{method.description}</strong>
            <br />
            <span class="muted">
              {t('account.addedOn', { when: formatWhen(locale, method.addedAt) })}
              {' · '}
              {method.lastUsedAt === null
                ? t('account.neverUsed')
                : t('account.lastUsed', { when: formatWhen(locale, method.lastUsedAt) })}
            </span>
            <p class="method-actions">
              <a
                href={`/account/methods/${method.id}/remove`}
                aria-label={t('account.removeLabel', { method: method.description })}
              >
                {t('account.remove')}
              </a>
            </p>
          </li>
        ))}
      </ul>
      <p class="help">{t('account.changeMethods')}</p>
      <h2>{t('account.recent')}</h2>
      <ul class="events">
        {props.recent.map((line) => (
          <li key={line.id}>
            <span>{line.what}</span> <span class="muted">{formatWhen(locale, line.at)}</span>
            {line.ip ? <span class="muted"> · {line.ip}</span> : null}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/**
 * The security page's own sections beside the methods: what was just done, « Ajouter une
 * méthode », the recent sign-ins and activity, the remembered browsers, the password and
 * « Se déconnecter partout ». Every form carries the session's CSRF token (account-session.ts).
 */
import type { Locale, Translate } from '../ui/i18n/messages.ts';
import { formatWhen } from './format-when.ts';

export interface ActivityLine {
  id: number;
  at: number;
  what: string;
  ip: string | null;
  /** The application signed in to, the browser and system, the method, and whether it passed. */
  application?: string | null;
  browser?: string | null;
  system?: string | null;
  method?: string | null;
  ok?: boolean;
}

export interface RememberedBrowserLine {
  id: string;
  browser: string | null;
  system: string | null;
  createdAt: number;
  lastUsedAt: number | null;
  expiresAt: number;
}

/** What the page just did, said once (role=status: read out when the page loads). */
export type DoneNotice = 'added' | 'renamed' | 'password' | 'forgotten';

const doneMessages = {
  added: 'account.added',
  renamed: 'account.renamed',
  password: 'account.passwordChanged',
  forgotten: 'account.browserForgotten',
} as const;

export function DoneAlert(props: { t: Translate; done: DoneNotice | undefined }) {
  if (props.done === undefined) return null;
  return (
    <p class="alert ok" role="status">
      {props.t(doneMessages[props.done])}
    </p>
  );
}

export function AddMethodLink(props: { t: Translate; href: string }) {
  return (
    <p>
      <a class="button secondary" href={props.href}>
        {props.t('account.addMethod')}
      </a>
    </p>
  );
}

/** The recent sign-ins and changes, newest first: when, what, where from, with what. */
export function ActivityList(props: { t: Translate; locale: Locale; lines: ActivityLine[] }) {
  const { t, locale } = props;
  if (props.lines.length === 0) return <p class="muted">{t('account.noActivity')}</p>;
  return (
    <ul class="events">
      {props.lines.map((line) => {
        const device = [line.browser, line.system].filter(Boolean).join(', ');
        const details = [
          line.application ? t('account.activity.application', { name: line.application }) : null,
          line.method ? t('account.activity.method', { method: line.method }) : null,
          device === '' ? null : device,
          line.ip,
        ].filter((part): part is string => Boolean(part));
        return (
          <li key={line.id} class={line.ok === false ? 'event failed' : 'event'}>
            <span>
              {line.ok === false ? (
                <span class="badge failed">{t('account.activity.failed')}</span>
              ) : null}{' '}
              <strong>{line.what}</strong>
            </span>
            <br />
            <span class="muted">
              <time dateTime={new Date(line.at).toISOString()}>{formatWhen(locale, line.at)}</time>
              {details.map((part) => ` · ${part}`).join('')}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** The browsers that skip the second factor, each forgotten on its own. */
export function RememberedBrowsers(props: {
  t: Translate;
  locale: Locale;
  csrf: string;
  browsers: RememberedBrowserLine[];
}) {
  const { t, locale } = props;
  return (
    <section aria-labelledby="browsers-heading">
      <h2 id="browsers-heading">{t('account.browsers')}</h2>
      {props.browsers.length === 0 ? (
        <p class="muted">{t('account.browsers.none')}</p>
      ) : (
        <ul class="factor-list">
          {props.browsers.map((browser) => {
            const name =
              [browser.browser, browser.system].filter(Boolean).join(', ') ||
              t('account.browsers.unknown');
            return (
              <li class="factor" key={browser.id}>
                <strong>{name}</strong>
                <br />
                <span class="muted">
                  {t('account.browsers.since', { when: formatWhen(locale, browser.createdAt) })}
                  {' · '}
                  {browser.lastUsedAt === null
                    ? t('account.neverUsed')
                    : t('account.lastUsed', { when: formatWhen(locale, browser.lastUsedAt) })}
                  {' · '}
                  {t('account.browsers.until', { when: formatWhen(locale, browser.expiresAt) })}
                </span>
                <form method="post" action={`/account/browsers/${browser.id}/forget`}>
                  <input type="hidden" name="csrf" value={props.csrf} />
                  <button
                    type="submit"
                    class="button secondary"
                    aria-label={t('account.browsers.forgetLabel', { browser: name })}
                  >
                    {t('account.browsers.forget')}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The password and « Se déconnecter partout ». */
export function SessionSections(props: { t: Translate; csrf: string }) {
  const { t } = props;
  return (
    <>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{t('account.password')}</h2>
        <p>{t('account.password.summary')}</p>
        <p>
          <a class="button secondary" href="/account/password">
            {t('account.password.title')}
          </a>
        </p>
      </section>
      <section aria-labelledby="everywhere-heading">
        <h2 id="everywhere-heading">{t('account.everywhere')}</h2>
        <p>{t('account.everywhere.intro')}</p>
        <form method="post" action="/account/sign-out-everywhere">
          <input type="hidden" name="csrf" value={props.csrf} />
          <button type="submit" class="button danger">
            {t('account.everywhere.confirm')}
          </button>
        </form>
      </section>
    </>
  );
}

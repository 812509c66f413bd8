import type { AccountMethodSummary } from '../factors/factor.ts';
import { Layout, type PageProps } from '../ui/layout.tsx';
import { MethodUse } from './method-use.tsx';
import {
  type ActivityLine,
  ActivityList,
  AddMethodLink,
  DoneAlert,
  type DoneNotice,
  type RememberedBrowserLine,
  RememberedBrowsers,
  SessionSections,
} from './security-sections.tsx';

export { formatWhen } from './format-when.ts';

export interface MethodLine {
  id: string;
  description: string;
  /** The method it is, when its owner gave it a name of their own. */
  kind?: string | undefined;
  addedAt: number;
  lastUsedAt: number | null;
  /** What its method says of it beyond its name (codes left, a warning, its own pages). */
  summary?: AccountMethodSummary | undefined;
}

export type SignInLine = ActivityLine;

export interface AccountPageProps extends Omit<PageProps, 'title' | 'children'> {
  name: string;
  username: string;
  methods: MethodLine[];
  /** Methods the account has none of, added from their own pages (recovery codes). */
  offers?: Array<{ href: string; label: string }>;
  recent: SignInLine[];
  /** A method was just removed. */
  removed: boolean;
  /** What else was just done (added, renamed, password changed, a browser forgotten). */
  done?: DoneNotice;
  /** The session's form token (account-session.ts), for the page's own forms. */
  csrf?: string;
  /** Where « Ajouter une méthode » leads: a step-up that enrolls (step-up-host.ts). */
  addMethodHref?: string;
  browsers?: RememberedBrowserLine[];
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
      <DoneAlert t={t} done={props.done} />
      <h2>{t('account.methods')}</h2>
      {props.methods.length === 0 ? <p class="muted">{t('account.noMethods')}</p> : null}
      <ul class="factor-list">
        {props.methods.map((method) => (
          <li class="factor" key={method.id}>
            <strong>{method.description}</strong>
            {method.kind === undefined ? null : <span class="muted"> · {method.kind}</span>}
            <br />
            <MethodUse
              t={t}
              locale={locale}
              addedAt={method.addedAt}
              lastUsedAt={method.lastUsedAt}
            />
            {method.summary?.note ? (
              <>
                <br />
                <span>{method.summary.note}</span>
              </>
            ) : null}
            {method.summary?.warning ? <p class="alert warning">{method.summary.warning}</p> : null}
            <p class="method-actions">
              {method.summary?.actions?.map((action) => (
                <>
                  <a href={action.href}>{action.label}</a>
                  {' · '}
                </>
              ))}
              <a
                href={`/account/methods/${method.id}/rename`}
                aria-label={t('account.renameLabel', { method: method.description })}
              >
                {t('account.rename')}
              </a>
              {' · '}
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
      {(props.offers ?? []).length > 0 ? (
        <ul class="method-offers">
          {(props.offers ?? []).map((offer) => (
            <li key={offer.href}>
              <a class="button secondary" href={offer.href}>
                {offer.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {props.addMethodHref !== undefined ? (
        <AddMethodLink t={t} href={props.addMethodHref} />
      ) : null}
      <p class="help">{t('account.changeMethods')}</p>
      <h2>{t('account.recent')}</h2>
      <ActivityList t={t} locale={locale} lines={props.recent} />
      {props.csrf !== undefined ? (
        <>
          <RememberedBrowsers
            t={t}
            locale={locale}
            csrf={props.csrf}
            browsers={props.browsers ?? []}
          />
          <SessionSections t={t} csrf={props.csrf} />
        </>
      ) : null}
    </Layout>
  );
}

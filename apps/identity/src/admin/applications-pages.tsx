/**
 * « Applications » in the console: the OpenID Connect applications that sign in through Sesame —
 * those of the configuration (read only) and those registered here — a form to register or edit
 * one, and the page that shows a new secret, once.
 */
import { formatWhen } from '../account/format-when.ts';
import type { ClientApplication, ConfiguredApplication } from '../clients/client-queries.ts';
import { acrValues } from '../sign-in/flow.ts';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { ConsoleLayout, type ConsolePageProps } from './console-layout.tsx';

/** The acr every sign-in of the application gets, or the two it may ask for. */
function RequiredAcr(props: Pick<ConsolePageProps, 't'> & { twoFactors: boolean | undefined }) {
  const { t } = props;
  return props.twoFactors ? (
    <span>
      {t('admin.apps.acrTwoFactors')} <code>{acrValues.twoFactors}</code>
    </span>
  ) : (
    <span>
      {t('admin.apps.acrAsAsked')} <code>{acrValues.oneFactor}</code>
    </span>
  );
}

export function ApplicationsPage(
  props: ConsolePageProps & {
    configured: readonly ConfiguredApplication[];
    registered: readonly ClientApplication[];
    done: MessageKey | undefined;
  },
) {
  const { t } = props;
  return (
    <ConsoleLayout {...props} title={t('admin.apps.title')}>
      <h1>{t('admin.apps.title')}</h1>
      <p>{t('admin.apps.intro')}</p>
      {props.done ? (
        <p class="alert ok" role="status">
          {t(props.done)}
        </p>
      ) : null}
      <p>
        <a class="button" href="/admin/applications/new">
          {t('admin.apps.new')}
        </a>
      </p>
      <ul class="factor-list">
        {props.registered.map((app) => (
          <ApplicationItem key={app.clientId} t={t} app={app} configured={false} />
        ))}
        {props.configured.map((app) => (
          <ApplicationItem key={app.clientId} t={t} app={app} configured />
        ))}
      </ul>
      {props.registered.length === 0 ? <p class="muted">{t('admin.apps.none')}</p> : null}
    </ConsoleLayout>
  );
}

/** One application of the list: its name (a link, if it is edited here), id and required acr. */
function ApplicationItem(
  props: Pick<ConsolePageProps, 't'> & { app: ConfiguredApplication; configured: boolean },
) {
  const { t, app } = props;
  return (
    <li class="factor application">
      <strong>
        {props.configured ? (
          app.name
        ) : (
          <a href={`/admin/applications/${encodeURIComponent(app.clientId)}`}>{app.name}</a>
        )}
      </strong>{' '}
      {props.configured ? <span class="badge">{t('admin.apps.fromConfig')}</span> : null}
      <dl class="details">
        <dt>{t('admin.apps.clientId')}</dt>
        <dd>
          <code>{app.clientId}</code>
        </dd>
        <dt>{t('admin.apps.acr')}</dt>
        <dd>
          <RequiredAcr t={t} twoFactors={app.twoFactorsRequired} />
        </dd>
      </dl>
    </li>
  );
}

/** The form's fields as typed (kept on a refusal, so nothing is typed twice). */
export interface ApplicationForm {
  name: string;
  redirectUris: string;
  postLogoutRedirectUris: string;
  twoFactorsRequired: boolean;
}

export function ApplicationFormPage(
  props: ConsolePageProps & {
    /** Absent: a new application. */
    application: ClientApplication | undefined;
    form: ApplicationForm;
    problem: string | undefined;
    done: MessageKey | undefined;
  },
) {
  const { t, locale, form, application } = props;
  const action = application
    ? `/admin/applications/${encodeURIComponent(application.clientId)}`
    : '/admin/applications/new';
  const title = application ? application.name : t('admin.apps.new');
  return (
    <ConsoleLayout {...props} title={title}>
      <p>
        <a href="/admin/applications">← {t('admin.apps.back')}</a>
      </p>
      <h1>{title}</h1>
      {props.done ? (
        <p class="alert ok" role="status">
          {t(props.done)}
        </p>
      ) : null}
      {props.problem ? (
        <p class="alert error" role="alert">
          {props.problem}
        </p>
      ) : null}
      {application ? (
        <dl class="details">
          <dt>{t('admin.apps.clientId')}</dt>
          <dd>
            <code data-testid="client-id">{application.clientId}</code>
          </dd>
          <dt>{t('admin.apps.acr')}</dt>
          <dd>
            <RequiredAcr t={t} twoFactors={application.twoFactorsRequired} />
          </dd>
          <dt>{t('admin.apps.createdAt')}</dt>
          <dd>{formatWhen(locale, application.createdAt)}</dd>
          <dt>{t('admin.apps.secretChanged')}</dt>
          <dd>{formatWhen(locale, application.secretChangedAt)}</dd>
        </dl>
      ) : (
        <p>{t('admin.apps.newIntro')}</p>
      )}
      <form method="post" action={action}>
        <input type="hidden" name="csrf" value={props.admin.csrf} />
        <div>
          <label for="app-name">{t('admin.apps.name')}</label>
          <input id="app-name" name="name" type="text" required maxLength={100} value={form.name} />
        </div>
        <div>
          <label for="app-redirect-uris">{t('admin.apps.redirectUris')}</label>
          <textarea
            id="app-redirect-uris"
            name="redirectUris"
            class="uris"
            rows={3}
            required
            aria-describedby="app-uris-hint"
            spellcheck={false}
            autocapitalize="off"
          >
            {form.redirectUris}
          </textarea>
          <p id="app-uris-hint" class="muted">
            {t('admin.apps.urisHint')}
          </p>
        </div>
        <div>
          <label for="app-logout-uris">{t('admin.apps.postLogoutUris')}</label>
          <textarea
            id="app-logout-uris"
            name="postLogoutRedirectUris"
            class="uris"
            rows={2}
            spellcheck={false}
            autocapitalize="off"
          >
            {form.postLogoutRedirectUris}
          </textarea>
        </div>
        <label class="checkbox">
          <input
            type="checkbox"
            name="twoFactorsRequired"
            value="on"
            checked={form.twoFactorsRequired}
          />{' '}
          {t('admin.apps.twoFactors')}
        </label>
        <button type="submit" class="button">
          {application ? t('admin.apps.save') : t('admin.apps.create')}
        </button>
      </form>
      {application ? <ApplicationActions {...props} application={application} /> : null}
    </ConsoleLayout>
  );
}

function ApplicationActions(props: ConsolePageProps & { application: ClientApplication }) {
  const { t } = props;
  const base = `/admin/applications/${encodeURIComponent(props.application.clientId)}`;
  return (
    <>
      <section class="application-action" aria-labelledby="app-secret-heading">
        <h2 id="app-secret-heading">{t('admin.apps.secret')}</h2>
        <p class="muted">{t('admin.apps.rotateIntro')}</p>
        <form method="post" action={`${base}/secret`}>
          <input type="hidden" name="csrf" value={props.admin.csrf} />
          <button type="submit" class="button secondary">
            {t('admin.apps.rotate')}
          </button>
        </form>
      </section>
      <section class="application-action" aria-labelledby="app-remove-heading">
        <h2 id="app-remove-heading">{t('admin.apps.remove')}</h2>
        <p class="muted">{t('admin.apps.removeIntro')}</p>
        <form method="post" action={`${base}/delete`}>
          <input type="hidden" name="csrf" value={props.admin.csrf} />
          <button type="submit" class="button danger">
            {t('admin.apps.remove')}
          </button>
        </form>
      </section>
    </>
  );
}

/** The client id and a secret, shown once (a new application, or a new secret). */
export function ApplicationSecretPage(
  props: ConsolePageProps & { clientId: string; name: string; secret: string; isNew: boolean },
) {
  const { t } = props;
  const heading = props.isNew ? t('admin.apps.created') : t('admin.apps.rotated');
  return (
    <ConsoleLayout {...props} title={heading}>
      <h1>{heading}</h1>
      <p role="status">{t('admin.apps.secretIntro', { name: props.name })}</p>
      <dl class="details">
        <dt>{t('admin.apps.clientId')}</dt>
        <dd>
          <code data-testid="client-id">{props.clientId}</code>
        </dd>
        <dt>{t('admin.apps.secret')}</dt>
        <dd class="secret">
          <code data-testid="client-secret">{props.secret}</code>
        </dd>
      </dl>
      <p class="alert warning">{t('admin.apps.shownOnce')}</p>
      <p>
        <a
          class="button secondary"
          href={`/admin/applications/${encodeURIComponent(props.clientId)}`}
        >
          {t('admin.apps.toApplication')}
        </a>
      </p>
    </ConsoleLayout>
  );
}

import type { Factor } from '../factors/factor.ts';
import { Layout, type PageProps } from '../ui/layout.tsx';
import { FactorSection } from './factor-section.tsx';

export interface ConfiguredMethod {
  id: string;
  /** As describeAuthenticator names it. */
  description: string;
}

export interface ConfigurationPageProps extends Omit<PageProps, 'title' | 'children'> {
  /** Where the flow's pages live (`/interaction/<uid>`, `/account/step-up/<id>`). */
  base: string;
  csrf: string;
  configured: ConfiguredMethod[];
  others: readonly Factor[];
  /** The method just activated, for the notice. */
  added: Factor | undefined;
}

/** Step 9 of the guide: what is set up, the other methods with « Choisir », and « Terminer ». */
export function ConfigurationPage(props: ConfigurationPageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={t('config.title')}>
      {props.added ? (
        <p class="alert ok" role="status">
          {t('config.enrolledNotice', { factor: t(props.added.title) })}
        </p>
      ) : null}
      <h1>{t('config.title')}</h1>
      <h2>{t('config.enrolled')}</h2>
      <ul class="factor-list">
        {props.configured.map((method) => (
          <li class="factor configured" key={method.id}>
            <span class="check" aria-hidden="true">
              ✓
            </span>{' '}
            {method.description}
          </li>
        ))}
      </ul>
      {props.others.length > 0 ? (
        <>
          <h2>{t('config.others')}</h2>
          <p class="muted">{t('config.othersIntro')}</p>
          <ul class="factor-list">
            {props.others.map((factor) => (
              <FactorSection key={factor.slug} factor={factor} base={props.base} t={t} level={3} />
            ))}
          </ul>
        </>
      ) : null}
      <form method="post" action={`${props.base}/enroll/done`}>
        <input type="hidden" name="csrf" value={props.csrf} />
        <button class="button" type="submit">
          {t('config.finish')}
        </button>
      </form>
      <p class="help">{t('config.keepApp')}</p>
    </Layout>
  );
}

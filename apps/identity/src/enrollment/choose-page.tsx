import type { Factor } from '../factors/factor.ts';
import { Layout, type PageProps } from '../ui/layout.tsx';

export interface ChoosePageProps extends Omit<PageProps, 'title' | 'children'> {
  uid: string;
  factors: readonly Factor[];
}

/** Step 3 of the guide: the methods the policy allows, each a section with « Choisir ». */
export function ChoosePage(props: ChoosePageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={t('enroll.title')}>
      <h1>{t('enroll.title')}</h1>
      <p>{t('enroll.intro')}</p>
      <p class="notice" role="note">
        <span aria-hidden="true">ℹ︎ </span>
        {t('enroll.fewMinutes')}
      </p>
      <ul class="factor-list">
        {props.factors.map((factor) => (
          <li class="factor" key={factor.slug}>
            <section aria-labelledby={`factor-${factor.slug}`}>
              <h2 id={`factor-${factor.slug}`}>{t(factor.title)}</h2>
              <p class="muted">{t(factor.description)}</p>
              <a
                class="button secondary"
                href={`/interaction/${props.uid}/enroll/${factor.slug}`}
                aria-label={t('enroll.chooseLabel', { factor: t(factor.title) })}
              >
                {t('enroll.choose')}
              </a>
            </section>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

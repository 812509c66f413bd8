import { SupportContactNote } from '../branding/support-contact-note.tsx';
import type { Factor } from '../factors/factor.ts';
import { Layout, type PageProps } from '../ui/layout.tsx';
import { FactorSection } from './factor-section.tsx';

export interface ChoosePageProps extends Omit<PageProps, 'title' | 'children'> {
  /** Where the flow's pages live (`/interaction/<uid>`, `/account/step-up/<id>`). */
  base: string;
  factors: readonly Factor[];
  /** From the security page's « Ajouter une autre méthode » (a step-up): say so, and offer a way back. */
  adding?: boolean;
}

/** Step 3 of the guide: the methods the policy allows, each a section with « Choisir ». */
export function ChoosePage(props: ChoosePageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={t('enroll.title')}>
      <h1>{t('enroll.title')}</h1>
      <p>{t(props.adding === true ? 'enroll.addIntro' : 'enroll.intro')}</p>
      <p class="notice" role="note">
        <span aria-hidden="true">ℹ︎ </span>
        {t('enroll.fewMinutes')}
      </p>
      <ul class="factor-list">
        {props.factors.map((factor) => (
          <FactorSection key={factor.slug} factor={factor} base={props.base} t={t} level={2} />
        ))}
      </ul>
      {props.adding === true ? (
        <p>
          <a href="/account">{t('enroll.backToAccount')}</a>
        </p>
      ) : null}
      <SupportContactNote t={t} />
    </Layout>
  );
}

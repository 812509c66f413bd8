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
  /** The policy requires the methods offered (the account lacks them): say so. */
  required?: boolean;
  /** In the grace period (ADR 0013): how many days are left, and « Plus tard »'s form. */
  later?: { daysLeft: number; csrf: string } | undefined;
}

/** Step 3 of the guide: the methods the policy allows, each a section with « Choisir ». */
export function ChoosePage(props: ChoosePageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={t('enroll.title')}>
      <h1>{t('enroll.title')}</h1>
      <p>{t(props.adding === true ? 'enroll.addIntro' : 'enroll.intro')}</p>
      {props.later === undefined ? null : (
        <p class="alert warning" role="status" data-testid="grace">
          {props.later.daysLeft === 1
            ? t('enroll.grace.oneDay')
            : t('enroll.grace.days', { days: String(props.later.daysLeft) })}
        </p>
      )}
      {props.required === true ? <p>{t('enroll.requiredMethods')}</p> : null}
      <p class="notice" role="note">
        <span aria-hidden="true">ℹ︎ </span>
        {t('enroll.fewMinutes')}
      </p>
      <ul class="factor-list">
        {props.factors.map((factor) => (
          <FactorSection key={factor.slug} factor={factor} base={props.base} t={t} level={2} />
        ))}
      </ul>
      {props.later === undefined ? null : (
        <form method="post" action={`${props.base}/enroll/later`}>
          <input type="hidden" name="csrf" value={props.later.csrf} />
          <button class="button secondary" type="submit">
            {t('enroll.later')}
          </button>
        </form>
      )}
      {props.adding === true ? (
        <p>
          <a href="/account">{t('enroll.backToAccount')}</a>
        </p>
      ) : null}
      <SupportContactNote t={t} />
    </Layout>
  );
}

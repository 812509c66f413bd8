import type { Factor } from '../factors/factor.ts';
import type { Translate } from '../ui/i18n/messages.ts';

/** One method offered for enrollment: its name, what it does, and « Choisir ». */
export function FactorSection(props: { factor: Factor; base: string; t: Translate; level: 2 | 3 }) {
  const { factor, t } = props;
  const Heading = props.level === 2 ? 'h2' : 'h3';
  return (
    <li class="factor">
      <section aria-labelledby={`factor-${factor.slug}`}>
        <Heading id={`factor-${factor.slug}`}>{t(factor.title)}</Heading>
        <p class="muted">{t(factor.description)}</p>
        <a
          class="button secondary"
          href={`${props.base}/enroll/${factor.slug}`}
          // « Choisir » alone needs its method in its name; a button of its own says it already.
          aria-label={
            factor.chooseLabel === undefined
              ? t('enroll.chooseLabel', { factor: t(factor.title) })
              : undefined
          }
        >
          {t(factor.chooseLabel ?? 'enroll.choose')}
        </a>
      </section>
    </li>
  );
}

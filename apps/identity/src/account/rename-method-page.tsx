import { Layout, type PageProps } from '../ui/layout.tsx';
import { FormActions } from './form-actions.tsx';
import { maxMethodNameLength } from './method-name.ts';

export interface RenameMethodPageProps extends Omit<PageProps, 'title' | 'children'> {
  action: string;
  csrf: string;
  /** What the method is (its registry title), and what it is called now. */
  kind: string;
  current: string;
  /** The name typed, when it was refused. */
  typed?: string;
  failed: boolean;
}

/** « Renommer la méthode »: a name of the owner's own for one of their methods. */
export function RenameMethodPage(props: RenameMethodPageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={t('account.rename.title')}>
      <h1>{t('account.rename.title')}</h1>
      <p>{t('account.rename.intro', { method: props.current, kind: props.kind })}</p>
      {props.failed ? (
        <p class="alert error" role="alert" id="rename-error">
          {t('account.rename.invalid', { max: String(maxMethodNameLength) })}
        </p>
      ) : null}
      <form method="post" action={props.action}>
        <input type="hidden" name="csrf" value={props.csrf} />
        <div>
          <label for="label">{t('account.rename.label')}</label>
          <input
            id="label"
            name="label"
            type="text"
            required
            maxLength={maxMethodNameLength}
            value={props.typed ?? props.current}
            autocomplete="off"
            autofocus
            aria-invalid={props.failed ? 'true' : undefined}
            aria-describedby={props.failed ? 'rename-error' : 'label-help'}
          />
          <p class="help" id="label-help">
            {t('account.rename.help', { max: String(maxMethodNameLength) })}
          </p>
        </div>
        <FormActions t={t} submit={t('account.rename.save')} />
      </form>
    </Layout>
  );
}

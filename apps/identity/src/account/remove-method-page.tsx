import { Layout, type PageProps } from '../ui/layout.tsx';
import { FormActions } from './form-actions.tsx';

export interface RemoveMethodPageProps extends Omit<PageProps, 'title' | 'children'> {
  action: string;
  csrf: string;
  method: string;
  /** The account's only method: the next sign-in will set up a new one. */
  last: boolean;
}

/** « Retirer cette méthode ? »: shown once the account has passed a fresh second factor (G-23). */
export function RemoveMethodPage(props: RemoveMethodPageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={t('account.remove.title')}>
      <h1>{t('account.remove.title')}</h1>
      <p>{t('account.remove.intro', { method: props.method })}</p>
      {props.last ? (
        <p class="notice" role="note">
          {t('account.remove.last')}
        </p>
      ) : null}
      <form method="post" action={props.action}>
        <input type="hidden" name="csrf" value={props.csrf} />
        <FormActions t={t} submit={t('account.remove.confirm')} danger />
      </form>
    </Layout>
  );
}

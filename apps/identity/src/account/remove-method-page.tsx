import { Layout, type PageProps } from '../ui/layout.tsx';

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
        <button type="submit" class="button danger">
          {t('account.remove.confirm')}
        </button>
      </form>
      <p>
        <a href="/account">{t('account.remove.cancel')}</a>
      </p>
    </Layout>
  );
}

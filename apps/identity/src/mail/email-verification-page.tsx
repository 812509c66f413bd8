/** The page a verification link opens: confirm the address (a button), then the outcome. */
import { Layout, type PageProps } from '../ui/layout.tsx';

export interface EmailVerificationPageProps extends Omit<PageProps, 'title' | 'children'> {
  /** `confirm`: the link is usable (its form); `done`: verified; `invalid`: used, expired or stale. */
  state: 'confirm' | 'done' | 'invalid';
  action: string;
  token: string;
  csrf: string;
  email?: string;
}

export function EmailVerificationPage(props: EmailVerificationPageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={t('emailVerify.title')}>
      <h1>{t('emailVerify.title')}</h1>
      {props.state === 'confirm' ? (
        <form method="post" action={props.action}>
          <p>{t('emailVerify.intro', { email: props.email ?? '' })}</p>
          <input type="hidden" name="csrf" value={props.csrf} />
          <input type="hidden" name="token" value={props.token} />
          <button class="button" type="submit" autofocus>
            {t('emailVerify.submit')}
          </button>
        </form>
      ) : props.state === 'done' ? (
        <p class="alert ok" role="status">
          {t('emailVerify.done')}
        </p>
      ) : (
        <p class="alert error" role="alert">
          {t('emailVerify.invalid')}
        </p>
      )}
    </Layout>
  );
}

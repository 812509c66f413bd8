import { Layout, type PageProps } from '../../ui/layout.tsx';

/** A sign-in with a passkey that did not pass: one message whatever the reason (G-11). */
export function PasskeySignInFailedPage(
  props: Omit<PageProps, 'title' | 'children'> & { backHref: string },
) {
  const { t } = props;
  return (
    <Layout {...props} title={t('passkey.signInFailed.title')}>
      <h1>{t('passkey.signInFailed.title')}</h1>
      <p class="alert error" role="alert">
        {t('passkey.signInFailed.body')}
      </p>
      <p>
        <a class="button" href={props.backHref}>
          {t('passkey.signInFailed.back')}
        </a>
      </p>
    </Layout>
  );
}

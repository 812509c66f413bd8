import { CodeForm } from '../ui/code-form.tsx';
import { Layout, type PageProps } from '../ui/layout.tsx';

export interface MethodChoice {
  id: string;
  label: string;
  href: string;
}

export interface SecondFactorPageProps extends Omit<PageProps, 'title' | 'children'> {
  action: string;
  csrf: string;
  authenticatorId: string;
  intro: string;
  failed: boolean;
  others: MethodChoice[];
}

/** Signing in later (the guide's last paragraph): the 6-digit code of Sesame Verify or another app. */
export function SecondFactorPage(props: SecondFactorPageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={t('verify.title')}>
      <h1>{t('verify.title')}</h1>
      <p>{props.intro}</p>
      {props.failed ? (
        <p class="alert error" role="alert" id="code-error">
          {t('verify.invalid')}
        </p>
      ) : null}
      <CodeForm
        action={props.action}
        csrf={props.csrf}
        authenticatorId={props.authenticatorId}
        label={t('verify.code')}
        submit={t('verify.submit')}
        errorId={props.failed ? 'code-error' : undefined}
      />
      {props.others.length > 0 ? (
        <details class="other-methods">
          <summary>{t('verify.otherMethod')}</summary>
          <ul>
            {props.others.map((method) => (
              <li key={method.id}>
                <a href={method.href}>{t('verify.useThis', { method: method.label })}</a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Layout>
  );
}

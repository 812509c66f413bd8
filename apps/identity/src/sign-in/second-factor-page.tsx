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
      <form method="post" action={props.action}>
        <input type="hidden" name="csrf" value={props.csrf} />
        <input type="hidden" name="authenticatorId" value={props.authenticatorId} />
        <div>
          <label for="code">{t('verify.code')}</label>
          <input
            id="code"
            name="code"
            type="text"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            maxLength={7}
            required
            autofocus
            aria-describedby={props.failed ? 'code-error' : undefined}
          />
        </div>
        <button class="button" type="submit">
          {t('verify.submit')}
        </button>
      </form>
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

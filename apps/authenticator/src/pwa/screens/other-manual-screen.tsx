/**
 * « Autre » by hand: the service, the account, the key the service shows under its QR code, and
 * (« Options avancées ») the algorithm, digits and period when the service says they differ from
 * the usual SHA-1, 6 digits, 30 s.
 */
import { useState } from 'preact/hooks';
import {
  isOtpauthError,
  normalizeOtpSecret,
  otpAlgorithms,
  otpDigits,
  otpPeriods,
} from '../../core/parse-otpauth-uri.ts';
import type { TotpParameters } from '../../core/totp.ts';
import { useApp } from '../app-services.ts';
import { Screen } from '../components/screen.tsx';
import type { MessageKey } from '../i18n/i18n.ts';
import type { Navigation } from '../navigation.ts';
import { keepOtpAccount } from './add-other-screen.tsx';

type Field = 'issuer' | 'accountName' | 'secret';
type Problems = Partial<Record<Field, MessageKey>>;

export function OtherManualScreen(props: { nav: Navigation; onAdded: () => Promise<void> }) {
  const { t, services } = useApp();
  const [values, setValues] = useState<Record<Field, string>>({
    issuer: '',
    accountName: '',
    secret: '',
  });
  const [options, setOptions] = useState<TotpParameters>({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
  const [problems, setProblems] = useState<Problems>({});

  const submit = (event: Event) => {
    event.preventDefault();
    const found: Problems = {};
    const issuer = values.issuer.trim();
    const accountName = values.accountName.trim();
    if (!issuer && !accountName) found.issuer = 'other.nameRequired';
    let secret = '';
    try {
      secret = normalizeOtpSecret(values.secret);
    } catch (error) {
      found.secret =
        isOtpauthError(error) && error.code === 'otpauth.secret_missing'
          ? 'manual.required'
          : 'errors.otpauth.secret_invalid';
    }
    setProblems(found);
    const first = (['issuer', 'secret'] as const).find((field) => found[field]);
    if (first) {
      document.getElementById(`other-${first}`)?.focus();
      return;
    }
    void keepOtpAccount(
      services,
      { issuer, accountName, secret, ...options },
      props.nav,
      t,
      props.onAdded,
    );
  };

  const field = (name: Field, label: MessageKey, help: MessageKey | null, extra: object) => {
    const problem = problems[name];
    const describedBy = [help ? `other-${name}-help` : '', problem ? `other-${name}-error` : '']
      .filter(Boolean)
      .join(' ');
    return (
      <div class="field">
        <label for={`other-${name}`}>{t(label)}</label>
        <input
          id={`other-${name}`}
          name={name}
          type="text"
          value={values[name]}
          onInput={(event) => {
            setValues({ ...values, [name]: event.currentTarget.value });
            if (problems[name]) setProblems({ ...problems, [name]: undefined });
          }}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={describedBy || undefined}
          spellcheck={false}
          {...extra}
        />
        {help && (
          <p id={`other-${name}-help`} class="help">
            {t(help)}
          </p>
        )}
        {problem && (
          <p id={`other-${name}-error`} class="field-error">
            {t(problem)}
          </p>
        )}
      </div>
    );
  };

  const choice = <K extends keyof TotpParameters>(
    name: K,
    label: MessageKey,
    choices: readonly TotpParameters[K][],
    show: (value: TotpParameters[K]) => string,
  ) => (
    <div class="field">
      <label for={`other-${name}`}>{t(label)}</label>
      <select
        id={`other-${name}`}
        value={String(options[name])}
        onChange={(event) => {
          const picked = choices.find((value) => String(value) === event.currentTarget.value);
          if (picked !== undefined) setOptions({ ...options, [name]: picked });
        }}
      >
        {choices.map((value) => (
          <option key={String(value)} value={String(value)}>
            {show(value)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <Screen name="other-manual" title={t('other.manualTitle')} onBack={props.nav.back}>
      <p>{t('other.manualText')}</p>
      <form onSubmit={submit} noValidate>
        {field('issuer', 'other.issuer', 'other.issuerHelp', { autocapitalize: 'words' })}
        {field('accountName', 'other.accountName', null, {
          autocapitalize: 'none',
          autocomplete: 'off',
        })}
        {field('secret', 'other.secret', 'other.secretHelp', {
          autocapitalize: 'characters',
          autocomplete: 'off',
          maxLength: '256',
        })}
        <details class="advanced">
          <summary>{t('other.advanced')}</summary>
          <p class="help">{t('other.advancedHelp')}</p>
          {choice('algorithm', 'other.algorithm', otpAlgorithms, (value) =>
            value.replace('SHA', 'SHA-'),
          )}
          {choice('digits', 'other.digits', otpDigits, (value) => String(value))}
          {choice('period', 'other.period', otpPeriods, (value) =>
            t('other.periodValue', { seconds: value }),
          )}
        </details>
        <button type="submit" class="button">
          {t('other.add')}
        </button>
      </form>
    </Screen>
  );
}

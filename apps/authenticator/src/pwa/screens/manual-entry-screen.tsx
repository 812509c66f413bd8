/**
 * "Saisir le code manuellement": what the computer shows under "Impossible de numériser ?" —
 * the organization's address and an activation code — plus the username (G-16: a short code
 * always goes with the account it belongs to).
 */
import { useState } from 'preact/hooks';
import { parseIssuer } from '../../core/parse-activation-link.ts';
import { useApp } from '../app-services.ts';
import { Screen } from '../components/screen.tsx';
import type { MessageKey } from '../i18n/i18n.ts';
import type { Navigation } from '../navigation.ts';

type Field = 'issuer' | 'username' | 'code';
type Problems = Partial<Record<Field, { key: MessageKey; vars?: Record<string, string> }>>;

export function ManualEntryScreen(props: { nav: Navigation }) {
  const { t, services } = useApp();
  const [values, setValues] = useState<Record<Field, string>>({
    issuer: services.origin,
    username: '',
    code: '',
  });
  const [problems, setProblems] = useState<Problems>({});

  const submit = (event: Event) => {
    event.preventDefault();
    const found: Problems = {};
    let issuer = '';
    try {
      issuer = parseIssuer(values.issuer);
      if (issuer !== services.origin) {
        found.issuer = {
          key: 'manual.otherOrganization',
          vars: { org: new URL(services.origin).host },
        };
      }
    } catch {
      found.issuer = { key: values.issuer.trim() ? 'manual.badIssuer' : 'manual.required' };
    }
    if (!values.username.trim()) found.username = { key: 'manual.required' };
    if (!values.code.trim()) found.code = { key: 'manual.required' };
    setProblems(found);
    const first = (['issuer', 'username', 'code'] as const).find((field) => found[field]);
    if (first) {
      document.getElementById(`manual-${first}`)?.focus();
      return;
    }
    props.nav.go({
      name: 'confirm',
      pending: { issuer, username: values.username.trim(), activationCode: values.code },
    });
  };

  const field = (
    name: Field,
    label: MessageKey,
    help: MessageKey | null,
    extra: Record<string, string>,
  ) => {
    const problem = problems[name];
    const describedBy = [help ? `manual-${name}-help` : '', problem ? `manual-${name}-error` : '']
      .filter(Boolean)
      .join(' ');
    return (
      <div class="field">
        <label for={`manual-${name}`}>{t(label)}</label>
        <input
          id={`manual-${name}`}
          name={name}
          type="text"
          value={values[name]}
          onInput={(event) => {
            setValues({ ...values, [name]: event.currentTarget.value });
            // The message stays until the field changes, then goes: it described the old value.
            if (problems[name]) setProblems({ ...problems, [name]: undefined });
          }}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={describedBy || undefined}
          spellcheck={false}
          {...extra}
        />
        {help && (
          <p id={`manual-${name}-help`} class="help">
            {t(help)}
          </p>
        )}
        {problem && (
          <p id={`manual-${name}-error`} class="field-error">
            {t(problem.key, problem.vars)}
          </p>
        )}
      </div>
    );
  };

  return (
    <Screen name="manual" title={t('manual.title')} onBack={props.nav.back}>
      <p>{t('manual.text')}</p>
      <form onSubmit={submit} noValidate>
        {field('issuer', 'manual.issuer', 'manual.issuerHelp', {
          inputMode: 'url',
          autocapitalize: 'none',
          autocomplete: 'url',
        })}
        {field('username', 'manual.username', null, {
          autocapitalize: 'none',
          autocomplete: 'username',
        })}
        {field('code', 'manual.code', 'manual.codeHelp', {
          autocapitalize: 'characters',
          autocomplete: 'off',
          maxLength: '32',
        })}
        <button type="submit" class="button">
          {t('app.next')}
        </button>
      </form>
    </Screen>
  );
}

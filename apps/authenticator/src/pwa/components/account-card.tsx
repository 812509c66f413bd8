/**
 * One account in the list: its name, its code (tap to copy) and the countdown. An organization's
 * account (SHA-1, 6 digits, 30 s) or an « Autre » account with its own parameters.
 */
import { accountTitle, type StoredAccount } from '../../core/account-store.ts';
import { type OtpAccount, otpAccountTitle } from '../../core/otp-account-store.ts';
import {
  formatTotpCode,
  type TotpParameters,
  totpCode,
  totpPeriodSeconds,
  totpSecondsLeft,
} from '../../core/totp.ts';
import { useApp } from '../app-services.ts';
import { Countdown } from './countdown.tsx';
import { MoreIcon } from './icons.tsx';

export function AccountCard(props: {
  account: StoredAccount;
  nowMs: number;
  onOptions: () => void;
  onCopy: (code: string) => void;
}) {
  const { account } = props;
  return (
    <CodeCard
      id={account.id}
      kind="organization"
      title={accountTitle(account)}
      subtitle={`${account.displayName} · ${account.username}`}
      logoUrl={account.organizationLogoUrl}
      secret={account.secret}
      nowMs={props.nowMs}
      onOptions={props.onOptions}
      onCopy={props.onCopy}
    />
  );
}

export function OtpAccountCard(props: {
  account: OtpAccount;
  nowMs: number;
  onOptions: () => void;
  onCopy: (code: string) => void;
}) {
  const { account } = props;
  const title = otpAccountTitle(account);
  return (
    <CodeCard
      id={account.id}
      kind="other"
      title={title}
      subtitle={title === account.accountName ? '' : account.accountName}
      secret={account.secret}
      parameters={account}
      nowMs={props.nowMs}
      onOptions={props.onOptions}
      onCopy={props.onCopy}
    />
  );
}

function CodeCard(props: {
  id: string;
  kind: 'organization' | 'other';
  title: string;
  subtitle: string;
  /** The organization's logo (same origin as its server: activate-account.ts). */
  logoUrl?: string | undefined;
  secret: string;
  parameters?: TotpParameters;
  nowMs: number;
  onOptions: () => void;
  onCopy: (code: string) => void;
}) {
  const { t } = useApp();
  const { title, parameters } = props;
  const period = parameters?.period ?? totpPeriodSeconds;
  const code = totpCode({ secret: props.secret, nowMs: props.nowMs, ...parameters });
  const hintId = `copy-hint-${props.id}`;
  return (
    <li class="account" data-testid="account" data-account-id={props.id} data-kind={props.kind}>
      <div class="account-head">
        {props.logoUrl === undefined ? null : (
          <img class="account-logo" src={props.logoUrl} alt="" data-testid="account-logo" />
        )}
        <div class="account-names">
          <h2 class="account-title">{title}</h2>
          {props.subtitle && <p class="account-sub">{props.subtitle}</p>}
        </div>
        <button
          type="button"
          class="icon-button"
          aria-label={t('accounts.options', { account: title })}
          onClick={props.onOptions}
        >
          <MoreIcon />
        </button>
      </div>
      <div class="code-row">
        <button
          type="button"
          class="code"
          data-testid="totp-code"
          aria-describedby={hintId}
          onClick={() => props.onCopy(code)}
        >
          <span aria-live="polite">{formatTotpCode(code)}</span>
        </button>
        <span id={hintId} class="sr-only">
          {t('accounts.codeLabel', { account: title, code: formatTotpCode(code) })}
        </span>
        <Countdown secondsLeft={totpSecondsLeft(props.nowMs, period)} periodSeconds={period} />
      </div>
    </li>
  );
}

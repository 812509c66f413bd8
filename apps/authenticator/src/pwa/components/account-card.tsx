/** One account in the list: its name, its 6-digit code (tap to copy) and the countdown. */
import { accountTitle, type StoredAccount } from '../../core/account-store.ts';
import { formatTotpCode, totpCode, totpPeriodSeconds, totpSecondsLeft } from '../../core/totp.ts';
import { useApp } from '../app-services.ts';
import { Countdown } from './countdown.tsx';
import { MoreIcon } from './icons.tsx';

export function AccountCard(props: {
  account: StoredAccount;
  nowMs: number;
  onOptions: () => void;
  onCopy: (code: string) => void;
}) {
  const { t } = useApp();
  const { account } = props;
  const title = accountTitle(account);
  const code = totpCode({ secret: account.secret, nowMs: props.nowMs });
  const hintId = `copy-hint-${account.id}`;
  return (
    <li class="account" data-testid="account" data-account-id={account.id}>
      <div class="account-head">
        <div class="account-names">
          <h2 class="account-title">{title}</h2>
          <p class="account-sub">
            {account.displayName} · {account.username}
          </p>
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
        <Countdown secondsLeft={totpSecondsLeft(props.nowMs)} periodSeconds={totpPeriodSeconds} />
      </div>
    </li>
  );
}

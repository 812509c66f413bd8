/** Seconds left before the code changes: a ring that empties, and the number. */
import { useApp } from '../app-services.ts';

const radius = 15;
const circumference = 2 * Math.PI * radius;

export function Countdown(props: { secondsLeft: number; periodSeconds: number }) {
  const { t } = useApp();
  const fraction = props.secondsLeft / props.periodSeconds;
  const ending = props.secondsLeft <= 5;
  return (
    <div
      class={ending ? 'countdown ending' : 'countdown'}
      role="timer"
      aria-label={t('accounts.secondsLeftLong', { seconds: props.secondsLeft })}
      data-testid="countdown"
    >
      <svg viewBox="0 0 36 36" width="44" height="44" aria-hidden="true" focusable="false">
        <circle class="countdown-track" cx="18" cy="18" r={radius} />
        <circle
          class="countdown-left"
          cx="18"
          cy="18"
          r={radius}
          stroke-dasharray={circumference.toFixed(2)}
          stroke-dashoffset={(circumference * (1 - fraction)).toFixed(2)}
          transform="rotate(-90 18 18)"
        />
      </svg>
      <span class="countdown-text" aria-hidden="true">
        {t('accounts.secondsLeft', { seconds: props.secondsLeft })}
      </span>
    </div>
  );
}

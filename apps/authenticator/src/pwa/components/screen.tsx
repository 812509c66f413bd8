/** One screen: a top bar (back, title, actions) and its content; the title takes focus on arrival. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useApp } from '../app-services.ts';
import { BackIcon } from './icons.tsx';

export function Screen(props: {
  name: string;
  title: string;
  onBack?: () => void;
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { t } = useApp();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [props.name]);
  return (
    <div class="screen" data-testid={`screen-${props.name}`}>
      <header class="bar">
        {props.onBack ? (
          <button
            type="button"
            class="icon-button"
            aria-label={t('app.back')}
            onClick={props.onBack}
          >
            <BackIcon />
          </button>
        ) : (
          <span class="bar-spacer" />
        )}
        <h1 ref={heading} tabIndex={-1}>
          {props.title}
        </h1>
        {props.actions ?? <span class="bar-spacer" />}
      </header>
      <main class="content">{props.children}</main>
    </div>
  );
}

export function Alert(props: {
  kind: 'ok' | 'error' | 'info';
  children: ComponentChildren;
  testId?: string;
}) {
  return (
    <div
      class={`alert ${props.kind}`}
      role={props.kind === 'error' ? 'alert' : 'status'}
      data-testid={props.testId}
    >
      {props.children}
    </div>
  );
}

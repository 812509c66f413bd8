/** The development outbox: every message Sesame would have mailed, newest first, links clickable. */
import { formatWhen } from '../account/account-page.tsx';
import { Layout, type PageProps } from '../ui/layout.tsx';
import type { OutboxMessage } from './outbox-queries.ts';

export interface OutboxPageProps extends Omit<PageProps, 'title' | 'children'> {
  messages: OutboxMessage[];
}

export function OutboxPage(props: OutboxPageProps) {
  const { t, locale } = props;
  return (
    <Layout {...props} title={t('outbox.title')}>
      <h1>{t('outbox.title')}</h1>
      <p class="notice">{t('outbox.intro')}</p>
      {props.messages.length === 0 ? <p class="muted">{t('outbox.empty')}</p> : null}
      <ol class="outbox" aria-label={t('outbox.listLabel')}>
        {props.messages.map((message) => (
          <li class="outbox-message" key={message.id}>
            <article aria-labelledby={`m-${message.id}`}>
              <h2 id={`m-${message.id}`}>{message.subject}</h2>
              <p class="muted">
                {t('outbox.meta', {
                  to: message.to_address,
                  when: formatWhen(locale, message.created_at),
                })}
              </p>
              <div class="outbox-body">{linkify(message.text_body)}</div>
            </article>
          </li>
        ))}
      </ol>
    </Layout>
  );
}

const urlPattern = /(https?:\/\/[^\s<>"]+)/g;

/** The text with its http(s) addresses as links (the rest stays text, escaped by JSX). */
function linkify(text: string) {
  return text.split(urlPattern).map((part, index) =>
    index % 2 === 1 ? (
      <a href={part} key={index}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}

/**
 * The embedded default when no SMTP server is configured: mail is kept in the database, to be read
 * on the identity server's /dev/outbox page (which exists only then) or with `npx sesame outbox`.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Mailer } from './mailer.ts';
import { insertOutboxMessage } from './outbox-queries.ts';

export function createOutboxMailer(deps: { db: Kysely<Database>; now: () => number }): Mailer {
  let sequence = 0;
  return {
    async send(message) {
      const nowMs = deps.now();
      sequence = (sequence + 1) % 1_000_000;
      await insertOutboxMessage(deps.db, {
        // Sorts in the order sent (the page lists the newest first), even within one millisecond.
        id: `${String(nowMs).padStart(15, '0')}-${String(sequence).padStart(6, '0')}-${randomUUID()}`,
        to_address: message.to,
        subject: message.subject,
        text_body: message.text,
        html_body: message.html ?? null,
        created_at: nowMs,
      });
    },
  };
}

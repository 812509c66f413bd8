/**
 * GET /dev/outbox: the mail kept by the development outbox. Registered only when no SMTP server
 * is configured (app.ts): with SMTP, mail leaves and this page does not exist (404).
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { OutboxPage } from './outbox-page.tsx';
import { listOutboxMessages } from './outbox-queries.ts';

export const outboxPath = '/dev/outbox';

export async function outboxRoutes(app: FastifyInstance, options: { db: Kysely<Database> }) {
  app.get(outboxPath, async (request, reply) => {
    const messages = await listOutboxMessages(options.db, 50);
    return sendPage(reply, <OutboxPage {...pageBase(request)} messages={messages} />);
  });
}

/**
 * What the QR page waits for (the guide's step 8): `enrolled` as soon as the flow's activation has
 * produced an authenticator, `expired` when the activation runs out — through the one waiting
 * helper that the push page shares (events/stream-until-settled.ts).
 */
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { EventBus } from '../../events/event-bus.ts';
import { streamUntilSettled } from '../../events/stream-until-settled.ts';
import { findFlowActivation } from './activation-queries.ts';

export function enrollmentChannel(flowId: string): string {
  return `enrollment:${flowId}`;
}

export async function streamEnrollmentEvents(
  deps: { db: Kysely<Database>; events: EventBus; now: () => number },
  reply: FastifyReply,
  flowId: string,
): Promise<void> {
  await streamUntilSettled(reply, {
    onError: (error) => reply.log.warn({ err: error }, 'enrollment events: a look failed'),
    events: deps.events,
    now: deps.now,
    channel: enrollmentChannel(flowId),
    check: async () => {
      const activation = await findFlowActivation(deps.db, flowId);
      if (activation?.authenticator_id) return { event: 'enrolled' };
      if (activation === undefined || activation.expires_at <= deps.now())
        return { event: 'expired' };
      return { waitUntil: activation.expires_at };
    },
  });
}

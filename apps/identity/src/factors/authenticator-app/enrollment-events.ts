/**
 * Server-sent events for the QR page: `enrolled` as soon as the flow's activation has produced an
 * authenticator (told by the event bus, checked in the database, which stays the truth), and
 * `expired` when the activation runs out. The stream ends with either.
 */
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { EventBus } from '../../events/event-bus.ts';
import { findFlowActivation } from './activation-queries.ts';

const recheckMs = 3000;

export function enrollmentChannel(flowId: string): string {
  return `enrollment:${flowId}`;
}

export async function streamEnrollmentEvents(
  deps: { db: Kysely<Database>; events: EventBus; now: () => number },
  reply: FastifyReply,
  flowId: string,
): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let ended = false;
  const timers: NodeJS.Timeout[] = [];
  let unsubscribe: (() => Promise<void>) | undefined;
  const end = (event?: string) => {
    if (ended) return;
    ended = true;
    for (const timer of timers) clearTimeout(timer);
    if (event) res.write(`event: ${event}\ndata: {}\n\n`);
    res.end();
    void unsubscribe?.();
  };
  const check = async () => {
    const activation = await findFlowActivation(deps.db, flowId);
    if (activation?.authenticator_id) return end('enrolled');
    if (activation === undefined || activation.expires_at <= deps.now()) return end('expired');
    return activation.expires_at;
  };
  res.on('close', () => end());
  unsubscribe = await deps.events.subscribe(enrollmentChannel(flowId), () => void check());
  const expiresAt = await check();
  if (typeof expiresAt !== 'number' || ended) return;
  res.write(': waiting\n\n');
  timers.push(setTimeout(() => void check(), Math.max(0, expiresAt - deps.now()) + 50));
  // A look at the database now and then: the safety net if an event was lost (or, without Redis,
  // published by another instance); a comment now and then keeps proxies from closing the stream.
  const recheck = setInterval(() => void check(), recheckMs);
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  res.on('close', () => {
    clearInterval(recheck);
    clearInterval(heartbeat);
  });
}

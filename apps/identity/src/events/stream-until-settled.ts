/**
 * The one way a page waits on a record that the user changes elsewhere — the QR page on its
 * activation (the phone registered), the push page on its challenge (the phone approved): a
 * server-sent event stream that looks at the database when the event bus says something happened
 * (and now and then, as a safety net for a lost message or another instance without Redis), and
 * ends with the first settled answer. The database stays the truth; the bus is only a wake-up.
 */
import type { FastifyReply } from 'fastify';
import type { EventBus } from './event-bus.ts';

/** What a look at the record found: an event that ends the wait, or the time the wait ends. */
export type SettleCheck = { event: string } | { waitUntil: number };

export interface StreamUntilSettledOptions {
  events: EventBus;
  now: () => number;
  /** The bus channel the record's changes are told on. */
  channel: string;
  /** Look at the record. Called at start, on each message, at `waitUntil`, and every `recheckMs`. */
  check: () => Promise<SettleCheck>;
  recheckMs?: number;
  heartbeatMs?: number;
  /** Told of a look that failed (it never ends the process: the next look tries again). */
  onError?: (error: unknown) => void;
}

/** Take the response over as a server-sent event stream, never cached nor buffered by a proxy. */
export function openEventStream(reply: FastifyReply): FastifyReply['raw'] {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  return res;
}

export async function streamUntilSettled(
  reply: FastifyReply,
  options: StreamUntilSettledOptions,
): Promise<void> {
  const res = openEventStream(reply);
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
  /** One look; a failed one (the database briefly away) is retried at the next recheck. */
  const look = async (): Promise<number | undefined | 'failed'> => {
    if (ended) return undefined;
    let found: SettleCheck;
    try {
      found = await options.check();
    } catch (error) {
      options.onError?.(error);
      return 'failed';
    }
    if ('event' in found) {
      end(found.event);
      return undefined;
    }
    return found.waitUntil;
  };
  res.on('close', () => end());
  unsubscribe = await options.events.subscribe(options.channel, () => void look());
  const waitUntil = await look();
  // Nothing to wait on if the very first look failed: the page will ask again.
  if (waitUntil === 'failed') return end();
  if (waitUntil === undefined || ended) return;
  res.write(': waiting\n\n');
  timers.push(setTimeout(() => void look(), Math.max(0, waitUntil - options.now()) + 50));
  // A comment now and then keeps proxies from closing the stream.
  const recheck = setInterval(() => void look(), options.recheckMs ?? 3000);
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), options.heartbeatMs ?? 15_000);
  res.on('close', () => {
    clearInterval(recheck);
    clearInterval(heartbeat);
  });
}

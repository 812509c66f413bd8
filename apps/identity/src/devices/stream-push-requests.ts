/**
 * The device's live stream of its push requests while the app is open (G-47: pull first): a
 * server-sent event stream, opened by a signed device request, that sends the whole list of
 * pending requests at once and again whenever the event bus says one was made or settled (and
 * now and then, for a lost message or another instance without Redis). It ends after a while —
 * the app opens a new one with a fresh proof — or when the device is gone. Nothing is held per
 * waiting browser: the computer's page has its own stream on its challenge.
 */
import { type PushRequest, pushStreamEvent } from '@sesame/contracts';
import type { FastifyReply } from 'fastify';
import type { EventBus } from '../events/event-bus.ts';
import { openEventStream } from '../events/stream-until-settled.ts';

export interface StreamPushRequestsOptions {
  events: EventBus;
  channel: string;
  /** The device's pending requests now; undefined when the device no longer exists. */
  list: () => Promise<PushRequest[] | undefined>;
  lifetimeMs?: number;
  recheckMs?: number;
  heartbeatMs?: number;
  onError?: (error: unknown) => void;
}

export async function streamPushRequests(
  reply: FastifyReply,
  options: StreamPushRequestsOptions,
): Promise<void> {
  const res = openEventStream(reply);
  let ended = false;
  let unsubscribe: (() => Promise<void>) | undefined;
  const timers: NodeJS.Timeout[] = [];
  const end = () => {
    if (ended) return;
    ended = true;
    for (const timer of timers) clearInterval(timer);
    res.end();
    // The bus may be closing with the app: nothing left to tell it.
    void unsubscribe?.().catch(() => undefined);
  };
  // Looks one at a time, the last asked for always made: a burst of wake-ups costs two reads.
  let looking: Promise<void> | undefined;
  let again = false;
  const look = async (): Promise<void> => {
    if (looking) {
      again = true;
      return;
    }
    looking = (async () => {
      do {
        again = false;
        try {
          const requests = await options.list();
          if (requests === undefined) return end();
          if (!ended)
            res.write(`event: ${pushStreamEvent}\ndata: ${JSON.stringify({ requests })}\n\n`);
        } catch (error) {
          options.onError?.(error);
        }
      } while (again && !ended);
    })();
    await looking;
    looking = undefined;
  };
  res.on('close', end);
  unsubscribe = await options.events.subscribe(options.channel, () => void look());
  if (ended) return void unsubscribe().catch(() => undefined);
  await look();
  timers.push(setInterval(() => void look(), options.recheckMs ?? 30_000));
  timers.push(setInterval(() => res.write(': keep-alive\n\n'), options.heartbeatMs ?? 15_000));
  timers.push(setInterval(end, options.lifetimeMs ?? 10 * 60_000));
}

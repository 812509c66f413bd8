/**
 * The waiting helper survives a failed look (found in review: a database hiccup while a QR page
 * was open was an unhandled rejection, which ends the process): the look is retried at the next
 * wake-up, and the stream still ends with the settled answer.
 */
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessEventBus } from './event-bus.ts';
import { type SettleCheck, streamUntilSettled } from './stream-until-settled.ts';

describe('streamUntilSettled', () => {
  const app = Fastify();
  const events = createInProcessEventBus();
  afterEach(() => app.close());

  it('keeps waiting through a failed look, and ends with the answer', async () => {
    const looks: Array<() => SettleCheck> = [
      () => ({ waitUntil: Date.now() + 60_000 }),
      () => {
        throw new Error('database briefly away');
      },
      () => ({ event: 'approved' }),
    ];
    const failures: unknown[] = [];
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    app.get('/wait', async (_request, reply) => {
      await streamUntilSettled(reply, {
        events,
        now: Date.now,
        channel: 'record:1',
        check: async () => (looks.shift() ?? (() => ({ event: 'approved' })))(),
        onError: (error) => failures.push(error),
      });
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${url}/wait`);
    const reader = response.body?.getReader();
    if (reader === undefined) throw new Error('no stream');
    const decoder = new TextDecoder();
    let text = '';
    let woken = false;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      // Once it waits, wake it twice: the first look fails, the second finds the answer.
      if (!woken && text.includes(': waiting')) {
        woken = true;
        await events.publish('record:1', 'changed');
        await events.publish('record:1', 'changed');
      }
    }
    process.off('unhandledRejection', onRejection);
    expect(text).toContain('event: approved');
    expect(failures).toHaveLength(1);
    expect(rejections).toEqual([]);
  });
});

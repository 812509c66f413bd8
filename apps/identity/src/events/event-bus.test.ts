import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessEventBus, createRedisEventBus, type EventBus } from './event-bus.ts';

const redisUrl = process.env.REDIS_URL;
const kinds: Array<[string, () => EventBus]> = [['in-process', createInProcessEventBus]];
if (redisUrl) kinds.push(['redis', () => createRedisEventBus(redisUrl)]);

/** Subscribe (the subscription is in place when this resolves) and get the next message. */
async function nextMessage(bus: EventBus, channel: string): Promise<{ message: Promise<string> }> {
  const { promise, resolve } = Promise.withResolvers<string>();
  await bus.subscribe(channel, resolve);
  // Wrapped: an async function would otherwise wait for the message itself.
  return { message: promise };
}

describe.each(kinds)('event bus (%s)', (kind, create) => {
  const buses: EventBus[] = [];
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });

  it('delivers a message to the subscribers of its channel only', async () => {
    const bus = create();
    buses.push(bus);
    const got: string[] = [];
    await bus.subscribe('a', (m) => got.push(`a:${m}`));
    await bus.subscribe('b', (m) => got.push(`b:${m}`));
    const arrived = await nextMessage(bus, 'a');
    await bus.publish('a', 'hello');
    await arrived.message;
    expect(got).toEqual(['a:hello']);
  });

  it('stops delivering after unsubscribe', async () => {
    const bus = create();
    buses.push(bus);
    const got: string[] = [];
    const unsubscribe = await bus.subscribe('c', (m) => got.push(m));
    await unsubscribe();
    const other = await nextMessage(bus, 'c');
    await bus.publish('c', 'late');
    await other.message;
    expect(got).toEqual([]);
  });

  it.runIf(kind === 'redis')('carries a message from one instance to another', async () => {
    const one = create();
    const two = create();
    buses.push(one, two);
    const arrived = await nextMessage(two, 'flow-1');
    await one.publish('flow-1', 'enrolled');
    expect(await arrived.message).toBe('enrolled');
  });
});

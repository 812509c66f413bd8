/**
 * Events between identity instances ("the device of flow X is enrolled", later "push approved"):
 * in-process by default, Redis pub/sub when REDIS_URL is set, so that the page waiting on one
 * instance hears what the phone told another. Messages are hints to look again in the database,
 * which stays the source of truth: a lost message costs at most a reconnect.
 */
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';

// ioredis is loaded only with REDIS_URL (start-up time and memory: bench/README.md).
const require = createRequire(import.meta.url);

export type EventHandler = (message: string) => void;

export interface EventBus {
  publish(channel: string, message: string): Promise<void>;
  /** Returns the function that unsubscribes. */
  subscribe(channel: string, handler: EventHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export function createInProcessEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: async (channel, message) => {
      emitter.emit(channel, message);
    },
    subscribe: async (channel, handler) => {
      emitter.on(channel, handler);
      return async () => {
        emitter.off(channel, handler);
      };
    },
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}

const prefix = 'sesame:';

export function createRedisEventBus(url: string): EventBus {
  const { Redis } = require('ioredis') as typeof import('ioredis');
  const publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const subscriber = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const local = new EventEmitter();
  local.setMaxListeners(0);
  // Closed, the connections are gone: a late unsubscribe (a closing hook after this one) is moot.
  let closed = false;
  subscriber.on('message', (channel: string, message: string) =>
    local.emit(channel.slice(prefix.length), message),
  );
  return {
    publish: async (channel, message) => {
      await publisher.publish(prefix + channel, message);
    },
    subscribe: async (channel, handler) => {
      if (local.listenerCount(channel) === 0) await subscriber.subscribe(prefix + channel);
      local.on(channel, handler);
      return async () => {
        local.off(channel, handler);
        if (!closed && local.listenerCount(channel) === 0)
          await subscriber.unsubscribe(prefix + channel);
      };
    },
    close: async () => {
      closed = true;
      local.removeAllListeners();
      await Promise.all([publisher.quit(), subscriber.quit()]);
    },
  };
}

export function createEventBus(redisUrl: string | undefined): EventBus {
  return redisUrl ? createRedisEventBus(redisUrl) : createInProcessEventBus();
}

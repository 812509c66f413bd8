/**
 * The provider with the current signing keys (ADR 0014). oidc-provider takes its keys once, at
 * construction, and signs with the first: a change of keys is a new Provider, mounted in place of
 * the old one for the requests that follow. This node re-reads the keys when one of them changes
 * state (a time it knows from the table), when the event bus says another node rotated, and
 * when it last read them `rereadMs` ago (by its clock) in case that message was lost — before the
 * next request under /oidc, which is where tokens are signed. The first Provider, which Sesame's
 * own pages hold for interactions and sessions (stored in the database, the same for every
 * instance), never signs a token: a new use of `provider` that signs must go through `current()`.
 */
import type { JWK } from 'jose';
import type { Kysely } from 'kysely';
import type Provider from 'oidc-provider';
import type { Database } from '../db/database.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { SecretBox } from '../security/secret-box.ts';
import { signingKeysChannel } from './rotate-signing-key.ts';
import { type PublishedKeys, readPublishedKeys } from './signing-keys.ts';

export interface LiveProvider {
  /** The provider to hand the next /oidc request, after reading the keys again if due. */
  current(): Promise<Provider>;
  close(): Promise<void>;
}

export const keyRereadMs = 60_000;

export async function createLiveProvider(options: {
  first: Provider;
  keys: PublishedKeys;
  build: (keys: JWK[]) => Provider;
  db: Kysely<Database>;
  box: SecretBox;
  events: EventBus;
  now: () => number;
  rereadMs?: number;
  /**
   * A failed read (the database away): the provider already built keeps serving — its keys are
   * all still published, the next request tries again.
   */
  onError: (error: unknown) => void;
}): Promise<LiveProvider> {
  let provider = options.first;
  let kids = kidsOf(options.keys.keys);
  let changesAt = options.keys.changesAt;
  let stale = false;
  let readAt = options.now();
  let reading: Promise<void> | undefined;

  const reread = async () => {
    const nowMs = options.now();
    readAt = nowMs;
    const published = await readPublishedKeys(options.db, options.box, nowMs);
    changesAt = published.changesAt;
    const next = kidsOf(published.keys);
    if (next !== kids) {
      provider = options.build(published.keys);
      kids = next;
    }
  };
  const rereadMs = options.rereadMs ?? keyRereadMs;
  const due = () => {
    const nowMs = options.now();
    return stale || nowMs - readAt >= rereadMs || (changesAt !== undefined && nowMs >= changesAt);
  };
  const unsubscribe = await options.events.subscribe(signingKeysChannel, () => {
    stale = true;
  });

  return {
    async current() {
      if (due()) {
        stale = false;
        reading ??= reread()
          .catch((error: unknown) => {
            stale = true;
            options.onError(error);
          })
          .finally(() => {
            reading = undefined;
          });
        await reading;
      }
      return provider;
    },
    async close() {
      await unsubscribe();
    },
  };
}

/** The keys' identity and order: the same list signs and publishes the same. */
function kidsOf(keys: JWK[]): string {
  return keys.map((key) => key.kid).join(' ');
}

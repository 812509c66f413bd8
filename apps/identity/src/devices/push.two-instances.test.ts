/**
 * Several identity instances behave as one (DESIGN, targets): a push started through one reaches
 * the device's live stream on another, and the answer given through that other wakes the page
 * waiting on the first — events through Redis, the database the truth. Runs with REDIS_URL.
 */
import { answerPushRequest, watchPushRequests } from '@sesame/authenticator';
import type { PushRequest } from '@sesame/contracts';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cheapArgon2, testBackends } from '../../test/build-test-app.ts';
import { freePort } from '../../test/listen-test-app.ts';
import { openPushRig, type Phone, type PushRig } from '../../test/push-rig.ts';
import { buildApp } from '../app.ts';
import { challengeChannel } from '../factors/challenge-queries.ts';
import { pushOutcome } from '../factors/push/push-outcome.ts';

const redisUrl = process.env.REDIS_URL;

describe.runIf(redisUrl).each(testBackends())('push across two instances (%s)', (backend) => {
  let rig: PushRig;
  let phone: Phone;
  let second: FastifyInstance;
  /** Sesame Verify talking to the second instance (same public URL, its own port). */
  let viaSecond: typeof fetch;
  beforeEach(async () => {
    rig = await openPushRig(backend, { REDIS_URL: redisUrl as string }, { listen: true });
    phone = await rig.enroll('hugo');
    const port = await freePort();
    second = await buildApp(rig.t.config, {
      db: rig.t.db,
      now: () => rig.t.clock.now,
      argon2: cheapArgon2,
      logger: false,
    });
    await second.listen({ host: '127.0.0.1', port });
    const publicUrl = rig.t.config.publicUrl;
    viaSecond = ((input: string | URL | Request, init?: RequestInit) =>
      fetch(String(input).replace(publicUrl, `http://127.0.0.1:${port}`), init)) as typeof fetch;
  });
  afterEach(async () => {
    await second.close();
    await rig.close();
  });

  it('reaches the device through the other instance, and its answer comes back', async () => {
    const controller = new AbortController();
    let resolveHeard: (requests: PushRequest[]) => void = () => undefined;
    const heard = new Promise<PushRequest[]>((resolve) => {
      resolveHeard = resolve;
    });
    let resolveOpened: () => void = () => undefined;
    const opened = new Promise<void>((resolve) => {
      resolveOpened = resolve;
    });
    const watching = watchPushRequests({
      fetch: viaSecond,
      account: phone.account,
      now: () => rig.t.clock.now,
      signal: controller.signal,
      sleep: async () => undefined,
      onRequests: (requests) => {
        resolveOpened();
        if (requests.length > 0) resolveHeard(requests);
      },
    });
    // The stream is open (its first, empty list) before the push starts elsewhere.
    await opened;
    const push = await rig.start(phone);
    expect((await heard).map((request) => request.id)).toEqual([push.id]);

    let resolveSettled: (message: string) => void = () => undefined;
    const settled = new Promise<string>((resolve) => {
      resolveSettled = resolve;
    });
    // Subscribed (through Redis) before the answer is given.
    await rig.events.subscribe(challengeChannel(push.id), (message) => resolveSettled(message));
    await answerPushRequest({
      fetch: viaSecond,
      account: phone.account,
      nowMs: rig.t.clock.now,
      requestId: push.id,
      decision: 'approve',
      number: push.display,
    });
    expect(await settled).toBe('settled');
    const target = { id: push.id, accountId: phone.accountId, flowId: push.flowId };
    expect(await pushOutcome(rig.deps, target)).toEqual({ status: 'approved' });
    controller.abort();
    await watching;
  });
});

/**
 * Pull first, with a live stream while the app is open (G-47): Sesame Verify's own watcher, over
 * a real socket with signed requests, hears a new push at once, and hears it go when it is
 * answered or replaced; a stream of a removed device ends. Nothing waits on the server per
 * browser: the stream is the device's, opened by it.
 */

import {
  answerPushRequest,
  deviceAuthorization,
  removeDevice,
  watchPushRequests,
} from '@sesame/authenticator';
import { type PushRequest, pushApiPaths } from '@sesame/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../test/build-test-app.ts';
import { openPushRig, type Phone, type PushRig } from '../../test/push-rig.ts';

describe.each(testBackends())('the live stream of push requests (%s)', (backend) => {
  let rig: PushRig;
  let phone: Phone;
  beforeEach(async () => {
    rig = await openPushRig(backend, {}, { listen: true });
    phone = await rig.enroll('odile');
  });
  afterEach(() => rig.close());

  /** The lists the watcher heard, and a way to wait for one that satisfies `until`. */
  function watch() {
    const lists: PushRequest[][] = [];
    const waiters: Array<{ until: (list: PushRequest[]) => boolean; resolve: () => void }> = [];
    const controller = new AbortController();
    const done = watchPushRequests({
      fetch,
      account: phone.account,
      now: () => rig.t.clock.now,
      signal: controller.signal,
      sleep: async () => undefined,
      onRequests: (requests) => {
        lists.push(requests);
        for (const waiter of [...waiters])
          if (waiter.until(requests)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve();
          }
      },
    });
    const heard = (until: (list: PushRequest[]) => boolean) =>
      lists.length > 0 && until(lists[lists.length - 1] as PushRequest[])
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ until, resolve }));
    return { lists, heard, stop: () => controller.abort(), done };
  }

  it('hears a new push, then hears it go once answered or replaced', async () => {
    const watcher = watch();
    await watcher.heard((list) => list.length === 0);
    const push = await rig.start(phone);
    await watcher.heard((list) => list.some((request) => request.id === push.id));
    const replacement = await rig.start(phone, { flowId: push.flowId });
    await watcher.heard((list) => list.length === 1 && list[0]?.id === replacement.id);
    await answerPushRequest({
      fetch,
      account: phone.account,
      nowMs: rig.t.clock.now,
      requestId: replacement.id,
      decision: 'approve',
      number: replacement.display,
    });
    await watcher.heard((list) => list.length === 0);
    watcher.stop();
    await watcher.done;
  });

  it('needs a signed request, and ends once the device is removed', async () => {
    const url = `${rig.t.config.publicUrl}${pushApiPaths.stream}`;
    expect((await fetch(url)).status).toBe(401);
    const authorization = await deviceAuthorization({
      privateKey: phone.account.privateKey,
      deviceId: phone.account.id,
      method: 'GET',
      url,
      nowMs: rig.t.clock.now,
    });
    const response = await fetch(url, { headers: { authorization } });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    if (response.body === null) throw new Error('no stream');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toContain('event: requests\ndata: {"requests":[]}');
    expect(await removeDevice({ fetch, account: phone.account, nowMs: rig.t.clock.now })).toBe(
      'removed',
    );
    // The next wake-up finds no device: the stream ends.
    await rig.events.publish(`push-requests:${phone.authenticatorId}`, 'new');
    let ended = false;
    while (!ended) ended = (await reader.read()).done;
    expect(ended).toBe(true);
  });
});

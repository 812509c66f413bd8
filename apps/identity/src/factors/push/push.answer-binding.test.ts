/**
 * A push answer is bound (G-14): to its request, its device, its account and its 2 minutes. A
 * late answer, an answer for a request a newer push replaced, an answer from another account's
 * device, an answer carried by a device that did not sign it, and an answer to one request posted
 * for another are all refused with coded errors, and none settles anything.
 */
import { answerPushRequest, isVerifyError, signPushAnswer } from '@sesame/authenticator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/build-test-app.ts';
import { openPushRig, type Phone, type PushRig } from '../../../test/push-rig.ts';
import { pushOutcome } from './push-outcome.ts';

describe.each(testBackends())('a push answer is bound (%s)', (backend) => {
  let rig: PushRig;
  let phone: Phone;
  let intruder: Phone;
  beforeEach(async () => {
    rig = await openPushRig(backend);
    phone = await rig.enroll('sophie');
    intruder = await rig.enroll('mallory');
  });
  afterEach(() => rig.close());

  const sign = (by: Phone, requestId: string, number: string, nowMs = rig.t.clock.now) =>
    signPushAnswer({
      privateKey: by.account.privateKey,
      deviceId: by.account.id,
      requestId,
      decision: 'approve',
      number,
      nowMs,
    });
  const refusal = async (response: Response) => [
    response.status,
    ((await response.json()) as { error: string }).error,
  ];
  const stillPending = async (push: { id: string; flowId: string }) =>
    (await pushOutcome(rig.deps, { id: push.id, accountId: phone.accountId, flowId: push.flowId }))
      .status === 'pending';

  it('refuses a late answer: the request lives 2 minutes', async () => {
    const push = await rig.start(phone);
    rig.t.clock.advance(121);
    const late = await answerPushRequest({
      fetch: rig.fetch,
      account: phone.account,
      nowMs: rig.t.clock.now,
      requestId: push.id,
      decision: 'approve',
      number: push.display,
    }).catch((error: unknown) => (isVerifyError(error) ? error.code : error));
    expect(late).toBe('push.expired');
    expect(await rig.pending(phone)).toEqual([]);
  });

  it('refuses an answer signed long before it is sent', async () => {
    const push = await rig.start(phone);
    const old = await sign(phone, push.id, push.display, rig.t.clock.now - 121_000);
    expect(await refusal(await rig.postAnswer(phone, push.id, old))).toEqual([
      400,
      'push.answer_invalid',
    ]);
    expect(await stillPending(push)).toBe(true);
  });

  it('refuses an answer to a push that a newer one of the flow replaced', async () => {
    const first = await rig.start(phone);
    await rig.start(phone, { flowId: first.flowId });
    const answer = await sign(phone, first.id, first.display);
    expect(await refusal(await rig.postAnswer(phone, first.id, answer))).toEqual([
      409,
      'push.already_answered',
    ]);
  });

  it("refuses another account's device, which does not even learn the request exists", async () => {
    const push = await rig.start(phone);
    expect(await rig.pending(intruder)).toEqual([]);
    const answer = await sign(intruder, push.id, push.display);
    expect(await refusal(await rig.postAnswer(intruder, push.id, answer))).toEqual([
      404,
      'push.not_found',
    ]);
    expect(await stillPending(push)).toBe(true);
  });

  it('refuses an answer carried by a device that did not sign it', async () => {
    const push = await rig.start(phone);
    const signedByPhone = await sign(phone, push.id, push.display);
    expect(await refusal(await rig.postAnswer(intruder, push.id, signedByPhone))).toEqual([
      400,
      'push.answer_invalid',
    ]);
    expect(await stillPending(push)).toBe(true);
  });

  it('refuses an answer to one request posted for another', async () => {
    const a = await rig.start(phone);
    const b = await rig.start(phone);
    const forA = await sign(phone, a.id, a.display);
    expect(await refusal(await rig.postAnswer(phone, b.id, forA))).toEqual([
      400,
      'push.answer_invalid',
    ]);
    expect(await stillPending(a)).toBe(true);
    expect(await stillPending(b)).toBe(true);
  });

  it('refuses an answer without a valid device request', async () => {
    const push = await rig.start(phone);
    const response = await rig.fetch(
      `${rig.t.config.publicUrl}/api/device/push/requests/${push.id}/answer`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answer: await sign(phone, push.id, push.display) }),
      },
    );
    expect(await refusal(response)).toEqual([401, 'device.unauthorized']);
    expect(await stillPending(push)).toBe(true);
  });
});

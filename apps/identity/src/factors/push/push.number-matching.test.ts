/**
 * Number matching is the transfer of a secret (NIST 800-63B-4 §3.1.3.2, G-13): the computer
 * shows a number the device never receives; an approval counts only with that number, typed in
 * the app and signed with the device key. A bare « Approuver », or another number, fails that
 * push and counts toward the account's second-factor limit. Over HTTP, with Sesame Verify's code.
 */
import { answerPushRequest, isVerifyError } from '@sesame/authenticator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/build-test-app.ts';
import { openPushRig, type Phone, type PushRig } from '../../../test/push-rig.ts';
import { setPushNumberMode } from './push-number-mode.ts';
import { pushOutcome, takePushApproval } from './push-outcome.ts';
import { startPushChallenge } from './start-push-challenge.ts';

describe.each(testBackends())('push number matching (%s)', (backend) => {
  let rig: PushRig;
  let phone: Phone;
  beforeEach(async () => {
    rig = await openPushRig(backend);
    phone = await rig.enroll('camille');
  });
  afterEach(() => rig.close());

  const answer = (requestId: string, decision: 'approve' | 'deny', number?: string) =>
    answerPushRequest({
      fetch: rig.fetch,
      account: phone.account,
      nowMs: rig.t.clock.now,
      requestId,
      decision,
      ...(number === undefined ? {} : { number }),
    });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'accepted',
      (error: unknown) => (isVerifyError(error) ? error.code : String(error)),
    );
  const failures = async () =>
    (
      await rig.t.db
        .selectFrom('attempt_counters')
        .select('failures')
        .where('key', 'like', `second-factor:${phone.accountId}:%`)
        .executeTakeFirst()
    )?.failures ?? 0;
  const audit = () =>
    rig.t.db
      .selectFrom('audit_events')
      .select(['type', 'actor'])
      .where('type', 'like', 'push.%')
      .orderBy('id')
      .execute();

  it('shows what is asked first, never the number; approving with it settles the push once', async () => {
    const push = await rig.start(phone);
    expect(push.display).toMatch(/^\d{6}$/);
    const [request] = await rig.pending(phone);
    expect(request).toEqual({
      id: push.id,
      application: 'Espace client',
      browser: 'Chrome 131',
      system: 'macOS Catalina',
      ip: '203.0.113.7',
      createdAt: rig.t.clock.now,
      expiresAt: rig.t.clock.now + 120_000,
      mode: 'typed-6',
    });
    // The number is nowhere the device (or a copy of the database) can read it.
    const row = await rig.t.db
      .selectFrom('challenges')
      .selectAll()
      .where('id', '=', push.id)
      .executeTakeFirstOrThrow();
    expect(row.payload).not.toContain(push.display);
    expect(row.secret_hash).not.toContain(push.display);

    const target = { id: push.id, accountId: phone.accountId, flowId: push.flowId };
    expect(await pushOutcome(rig.deps, target)).toEqual({
      status: 'pending',
      expiresAt: push.expiresAt,
    });
    expect(await answer(push.id, 'approve', push.display)).toBe('approved');
    expect(await pushOutcome(rig.deps, target)).toEqual({ status: 'approved' });
    expect(await takePushApproval(rig.deps, target)).toEqual({ ok: true, amr: ['swk'] });
    // One approval, one sign-in step.
    expect(await takePushApproval(rig.deps, target)).toEqual({
      ok: false,
      outcome: { status: 'consumed' },
    });
    expect(await rig.pending(phone)).toEqual([]);
    expect(await audit()).toEqual([{ type: 'push.approved', actor: `device:${phone.account.id}` }]);
  });

  it('refuses a wrong number: that push fails, and the failure is counted', async () => {
    const push = await rig.start(phone);
    const wrong = push.display === '000000' ? '000001' : '000000';
    expect(await refusal(answer(push.id, 'approve', wrong))).toBe('push.wrong_number');
    const target = { id: push.id, accountId: phone.accountId, flowId: push.flowId };
    expect(await pushOutcome(rig.deps, target)).toEqual({
      status: 'denied',
      reason: 'wrong_number',
    });
    // The right number after a wrong one: too late, that push is over.
    expect(await refusal(answer(push.id, 'approve', push.display))).toBe('push.already_answered');
    expect(await takePushApproval(rig.deps, target)).toMatchObject({ ok: false });
    expect(await failures()).toBe(1);
    expect(await audit()).toEqual([
      { type: 'push.wrong_number', actor: `device:${phone.account.id}` },
    ]);
  });

  it('never accepts a bare approval, without the number', async () => {
    const push = await rig.start(phone);
    expect(await refusal(answer(push.id, 'approve'))).toBe('push.wrong_number');
    expect(await failures()).toBe(1);
  });

  it('locks the method after repeated wrong numbers, and then sends no push', async () => {
    for (let i = 0; i < 5; i += 1) {
      // Past the anti-fatigue window each time: this is about the failures' own limit.
      if (i > 0) rig.t.clock.advance(301);
      const push = await rig.start(phone);
      const wrong = push.display === '999999' ? '999998' : '999999';
      expect(await refusal(answer(push.id, 'approve', wrong))).toBe('push.wrong_number');
    }
    // 5 failures lock the account's method (attempt policy); no push is sent meanwhile.
    expect(await failures()).toBe(5);
    const refused = await startPushChallenge(rig.deps, {
      accountId: phone.accountId,
      flowId: 'f',
      authenticatorId: phone.authenticatorId,
      ip: '203.0.113.7',
      userAgent: undefined,
      clientName: 'Espace client',
      nowMs: rig.t.clock.now,
    });
    expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('matches 2 digits typed, or picked among three, when the organization says so', async () => {
    await setPushNumberMode(rig.t.db, 'typed-2');
    const typed = await rig.start(phone);
    expect(typed.display).toMatch(/^[1-9]\d$/);
    expect((await rig.pending(phone))[0]).toMatchObject({ mode: 'typed-2' });
    expect((await rig.pending(phone))[0]?.choices).toBeUndefined();
    expect(await answer(typed.id, 'approve', typed.display)).toBe('approved');

    await setPushNumberMode(rig.t.db, 'pick-3');
    const picked = await rig.start(phone);
    const [request] = await rig.pending(phone);
    expect(request?.mode).toBe('pick-3');
    expect(request?.choices).toHaveLength(3);
    expect(new Set(request?.choices).size).toBe(3);
    expect(request?.choices).toContain(picked.display);
    const decoy = request?.choices?.find((choice) => choice !== picked.display) as string;
    expect(await refusal(answer(picked.id, 'approve', decoy))).toBe('push.wrong_number');
  });
});

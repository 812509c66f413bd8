/**
 * Anti-fatigue (NIST 800-63B-4 §3.1.3.2, G-15, G-49): one pending push per flow (a new one
 * cancels the previous), at most 3 pushes per account per 10 minutes without an approval — and
 * the refusal says when one may be sent again. Parallel starts cannot exceed it.
 */
import { answerPushRequest } from '@sesame/authenticator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/build-test-app.ts';
import { openPushRig, type Phone, type PushRig } from '../../../test/push-rig.ts';
import { startPushChallenge } from './start-push-challenge.ts';

describe.each(testBackends())('push anti-fatigue (%s)', (backend) => {
  let rig: PushRig;
  let phone: Phone;
  beforeEach(async () => {
    rig = await openPushRig(backend);
    phone = await rig.enroll('anais');
  });
  afterEach(() => rig.close());

  const tryStart = (flowId = `flow-${Math.random()}`) =>
    startPushChallenge(rig.deps, {
      accountId: phone.accountId,
      flowId,
      authenticatorId: phone.authenticatorId,
      ip: '198.51.100.4',
      userAgent: undefined,
      clientName: 'Espace client',
      nowMs: rig.t.clock.now,
    });

  it('keeps one pending push per flow', async () => {
    const first = await rig.start(phone);
    const second = await rig.start(phone, { flowId: first.flowId });
    const pending = await rig.pending(phone);
    expect(pending.map((request) => request.id)).toEqual([second.id]);
  });

  it('sends at most 3 pushes per 10 minutes, and says when the next may go', async () => {
    const startedAt = rig.t.clock.now;
    await rig.start(phone);
    rig.t.clock.advance(60);
    await rig.start(phone);
    rig.t.clock.advance(60);
    await rig.start(phone);
    rig.t.clock.advance(60);
    expect(await tryStart()).toEqual({
      ok: false,
      reason: 'throttled',
      retryAt: startedAt + 600_000,
    });
    // Nothing was made by the refused start.
    const made = await rig.t.db
      .selectFrom('challenges')
      .select('id')
      .where('account_id', '=', phone.accountId)
      .execute();
    expect(made).toHaveLength(3);
    rig.t.clock.now = startedAt + 600_001;
    expect(await tryStart()).toMatchObject({ ok: true });
  });

  it('starts counting again after an approval', async () => {
    await rig.start(phone);
    await rig.start(phone);
    const third = await rig.start(phone);
    rig.t.clock.advance(1);
    await answerPushRequest({
      fetch: rig.fetch,
      account: phone.account,
      nowMs: rig.t.clock.now,
      requestId: third.id,
      decision: 'approve',
      number: third.display,
    });
    rig.t.clock.advance(1);
    expect(await tryStart()).toMatchObject({ ok: true });
  });

  it('lets no burst of parallel starts past the limit', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => tryStart()));
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    expect(results.filter((result) => !result.ok && result.reason === 'throttled')).toHaveLength(7);
  });

  it("refuses an authenticator that is not the account's, or has no device", async () => {
    const other = await rig.enroll('bruno');
    const refused = await startPushChallenge(rig.deps, {
      accountId: phone.accountId,
      flowId: 'f',
      authenticatorId: other.authenticatorId,
      ip: '198.51.100.4',
      userAgent: undefined,
      clientName: 'Espace client',
      nowMs: rig.t.clock.now,
    });
    expect(refused).toEqual({ ok: false, reason: 'unavailable' });
  });
});

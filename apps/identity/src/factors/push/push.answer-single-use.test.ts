/**
 * A push is approved once (NIST 800-63B-4 §3.1.3.2, G-14): one atomic statement settles it, so a
 * replayed signed answer — even under a fresh request proof — and parallel answers beyond the
 * first are refused; the browser takes the approval once, even from two tabs at the same moment.
 */
import { signPushAnswer } from '@sesame/authenticator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/build-test-app.ts';
import { openPushRig, type Phone, type PushRig } from '../../../test/push-rig.ts';
import { takePushApproval } from './push-outcome.ts';

describe.each(testBackends())('a push answer counts once (%s)', (backend) => {
  let rig: PushRig;
  let phone: Phone;
  beforeEach(async () => {
    rig = await openPushRig(backend);
    phone = await rig.enroll('mathieu');
  });
  afterEach(() => rig.close());

  const approval = (requestId: string, number: string) =>
    signPushAnswer({
      privateKey: phone.account.privateKey,
      deviceId: phone.account.id,
      requestId,
      decision: 'approve',
      number,
      nowMs: rig.t.clock.now,
    });

  it('refuses the same signed answer again, under a new request proof', async () => {
    const push = await rig.start(phone);
    const jws = await approval(push.id, push.display);
    const first = await rig.postAnswer(phone, push.id, jws);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ outcome: 'approved' });
    const replay = await rig.postAnswer(phone, push.id, jws);
    expect(replay.status).toBe(409);
    expect(await replay.json()).toMatchObject({ error: 'push.already_answered' });
  });

  it('counts exactly one of parallel answers', async () => {
    const push = await rig.start(phone);
    const answers = await Promise.all(
      Array.from({ length: 8 }, async () =>
        rig.postAnswer(phone, push.id, await approval(push.id, push.display)),
      ),
    );
    const statuses = answers.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    // The others: already answered, or not evaluated at all while the burst's reservations
    // held the method's limit (reserve-then-verify: a burst never evaluates past the limit).
    expect(statuses.filter((status) => status !== 200).every((s) => s === 409 || s === 429)).toBe(
      true,
    );
    const rows = await rig.t.db
      .selectFrom('push_answers')
      .selectAll()
      .where('challenge_id', '=', push.id)
      .execute();
    expect(rows.map((row) => row.decision)).toEqual(['approved']);
    const settled = await rig.t.db
      .selectFrom('audit_events')
      .select('type')
      .where('type', 'like', 'push.%')
      .execute();
    expect(settled).toEqual([{ type: 'push.approved' }]);
  });

  it('hands the approval to one of two parallel takers', async () => {
    const push = await rig.start(phone);
    expect(
      (await rig.postAnswer(phone, push.id, await approval(push.id, push.display))).status,
    ).toBe(200);
    const target = { id: push.id, accountId: phone.accountId, flowId: push.flowId };
    const taken = await Promise.all([
      takePushApproval(rig.deps, target),
      takePushApproval(rig.deps, target),
    ]);
    expect(taken.filter((result) => result.ok)).toHaveLength(1);
    // Bound to its flow: another flow of the same account takes nothing.
    expect(await takePushApproval(rig.deps, { ...target, flowId: 'another-flow' })).toMatchObject({
      ok: false,
    });
  });
});

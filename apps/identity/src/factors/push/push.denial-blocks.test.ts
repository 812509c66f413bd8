/**
 * « Ce n'était pas moi » ends it (G-48): the push is denied (the waiting page hears `denied`), it
 * is audited with the device as actor, counted toward the method's limit, and no push goes to the
 * account for a while (SESAME_PUSH_DENIAL_BLOCK_MINUTES, 15 by default) — never an automatic one.
 */
import { answerPushRequest } from '@sesame/authenticator';
import { afterEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/build-test-app.ts';
import { openPushRig, type Phone, type PushRig } from '../../../test/push-rig.ts';
import { challengeChannel } from '../challenge-queries.ts';
import { checkPushSettled, pushOutcome } from './push-outcome.ts';
import { startPushChallenge } from './start-push-challenge.ts';

describe.each(testBackends())('a denial blocks pushes (%s)', (backend) => {
  let rig: PushRig;
  afterEach(() => rig.close());

  const deny = (phone: Phone, requestId: string) =>
    answerPushRequest({
      fetch: rig.fetch,
      account: phone.account,
      nowMs: rig.t.clock.now,
      requestId,
      decision: 'deny',
    });
  const tryStart = (phone: Phone) =>
    startPushChallenge(rig.deps, {
      accountId: phone.accountId,
      flowId: `flow-${Math.random()}`,
      authenticatorId: phone.authenticatorId,
      ip: '198.51.100.4',
      userAgent: undefined,
      clientName: 'Espace client',
      nowMs: rig.t.clock.now,
    });

  it('denies, audits, counts, wakes the waiting page, and blocks for 15 minutes', async () => {
    rig = await openPushRig(backend);
    const phone = await rig.enroll('isabelle');
    const push = await rig.start(phone);
    const heard: string[] = [];
    await rig.events.subscribe(challengeChannel(push.id), (message) => heard.push(message));
    expect(await deny(phone, push.id)).toBe('denied');
    expect(heard).toEqual(['settled']);
    const target = { id: push.id, accountId: phone.accountId, flowId: push.flowId };
    expect(await pushOutcome(rig.deps, target)).toEqual({ status: 'denied', reason: 'not_me' });
    expect(await checkPushSettled(rig.deps, target)).toEqual({ event: 'denied' });
    const audit = await rig.t.db
      .selectFrom('audit_events')
      .select(['type', 'account_id', 'actor'])
      .where('type', 'like', 'push.%')
      .execute();
    expect(audit).toEqual([
      { type: 'push.denied', account_id: phone.accountId, actor: `device:${phone.account.id}` },
    ]);
    const counter = await rig.t.db
      .selectFrom('attempt_counters')
      .select('failures')
      .where('key', 'like', `second-factor:${phone.accountId}:%`)
      .executeTakeFirstOrThrow();
    expect(counter.failures).toBe(1);

    const deniedAt = rig.t.clock.now;
    rig.t.clock.advance(14 * 60);
    expect(await tryStart(phone)).toEqual({
      ok: false,
      reason: 'blocked',
      retryAt: deniedAt + 15 * 60_000,
    });
    // Another account is not blocked by it.
    const other = await rig.enroll('jacques');
    expect(await tryStart(other)).toMatchObject({ ok: true });
    rig.t.clock.advance(61);
    expect(await tryStart(phone)).toMatchObject({ ok: true });
  });

  it('blocks for the configured while', async () => {
    rig = await openPushRig(backend, { SESAME_PUSH_DENIAL_BLOCK_MINUTES: '2' });
    const phone = await rig.enroll('louis');
    await deny(phone, (await rig.start(phone)).id);
    rig.t.clock.advance(119);
    expect(await tryStart(phone)).toMatchObject({ ok: false, reason: 'blocked' });
    rig.t.clock.advance(2);
    expect(await tryStart(phone)).toMatchObject({ ok: true });
  });
});

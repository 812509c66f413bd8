/**
 * The challenges record (ADR 0004) on both backends: a challenge is settled once — of parallel
 * answers exactly one counts —, never after it expired, never for another account or flow; a new
 * challenge of a flow cancels its pending one; an approval is taken once.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import {
  enrollOtherApp,
  finishEnrollment,
  interactionPath,
  passwordStep,
} from '../../test/mfa-kit.ts';
import { setOrgMfaRequired } from '../policy/mfa-policy.ts';
import {
  type Challenge,
  consumeApproval,
  createChallenge,
  findChallenge,
  settleChallenge,
} from './challenge-queries.ts';

describe.each(testBackends())('challenges are settled once (%s)', (backend) => {
  let t: TestApp;
  let accountId: string;
  let otherAccountId: string;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    accountId = await t.createUser({ username: 'alix', password: 'phare de Matane 1906' });
    otherAccountId = await t.createUser({ username: 'bea', password: 'phare de Matane 1906' });
  });
  afterEach(() => t.close());

  const targetOf = (c: Challenge) => ({ id: c.id, accountId: c.account_id, flowId: c.flow_id });

  const begin = (flowId: string | null = randomUUID(), owner = accountId) =>
    createChallenge(t.db, {
      kind: 'test-push',
      accountId: owner,
      flowId,
      authenticatorId: null,
      payload: { number: '482913' },
      nowMs: t.clock.now,
      ttlSeconds: 120,
    });

  it('of 20 parallel approvals and denials, exactly one settles it', async () => {
    const challenge = await begin();
    const target = targetOf(challenge);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        settleChallenge(t.db, target, i % 2 === 0 ? 'approved' : 'denied', t.clock.now),
      ),
    );
    expect(outcomes.filter((row) => row !== undefined)).toHaveLength(1);
    const stored = await findChallenge(t.db, target);
    expect(['approved', 'denied']).toContain(stored?.status);
    expect(JSON.parse(stored?.payload ?? '{}')).toEqual({ number: '482913' });
  });

  it('takes an approval once, even in parallel', async () => {
    const challenge = await begin();
    const target = targetOf(challenge);
    await settleChallenge(t.db, target, 'approved', t.clock.now);
    const taken = await Promise.all(
      Array.from({ length: 10 }, () => consumeApproval(t.db, target, t.clock.now)),
    );
    expect(taken.filter((row) => row !== undefined)).toHaveLength(1);
  });

  it('gives an approval only within the challenge’s life', async () => {
    const challenge = await begin();
    await settleChallenge(t.db, targetOf(challenge), 'approved', t.clock.now);
    t.clock.advance(120);
    expect(await consumeApproval(t.db, targetOf(challenge), t.clock.now)).toBeUndefined();
  });

  it('cannot be settled once expired, nor for another account or another flow', async () => {
    const challenge = await begin('flow-a');
    expect(
      await settleChallenge(
        t.db,
        { ...targetOf(challenge), accountId: otherAccountId },
        'approved',
        t.clock.now,
      ),
    ).toBeUndefined();
    expect(
      await settleChallenge(
        t.db,
        { ...targetOf(challenge), flowId: 'flow-b' },
        'approved',
        t.clock.now,
      ),
    ).toBeUndefined();
    t.clock.advance(120);
    expect(
      await settleChallenge(t.db, targetOf(challenge), 'approved', t.clock.now),
    ).toBeUndefined();
    expect((await findChallenge(t.db, targetOf(challenge)))?.status).toBe('pending');
  });

  it('settles a code only with the expected answer', async () => {
    const challenge = await createChallenge(t.db, {
      kind: 'test-code',
      accountId,
      flowId: 'flow-c',
      authenticatorId: null,
      secretHash: 'hash-of-the-right-code',
      nowMs: t.clock.now,
      ttlSeconds: 600,
    });
    const target = targetOf(challenge);
    const wrong = await settleChallenge(t.db, target, 'consumed', t.clock.now, {
      secretHash: 'hash-of-a-wrong-code',
    });
    expect(wrong).toBeUndefined();
    const right = await settleChallenge(t.db, target, 'consumed', t.clock.now, {
      secretHash: 'hash-of-the-right-code',
    });
    expect(right?.status).toBe('consumed');
  });

  it('keeps one pending challenge per flow and kind: a new one cancels the previous', async () => {
    const first = await begin('flow-d');
    const second = await begin('flow-d');
    expect((await findChallenge(t.db, targetOf(first)))?.status).toBe('cancelled');
    expect((await findChallenge(t.db, targetOf(second)))?.status).toBe('pending');
    expect(await settleChallenge(t.db, targetOf(first), 'approved', t.clock.now)).toBeUndefined();
  });

  it('dies with its sign-in flow: a flow that ends leaves no challenge to approve', async () => {
    await setOrgMfaRequired(t.db, true);
    const browser = new BrowserSession(t.app, t.config.publicUrl);
    const base = interactionPath(
      (await passwordStep(browser, 'alix', 'phare de Matane 1906')).location,
    );
    const flowId = base.slice('/interaction/'.length);
    const waiting = await begin(flowId);
    await enrollOtherApp(t, browser, base);
    await finishEnrollment(browser, base);
    expect((await findChallenge(t.db, targetOf(waiting)))?.status).toBe('cancelled');
    expect(await settleChallenge(t.db, targetOf(waiting), 'approved', t.clock.now)).toBeUndefined();
  });
});

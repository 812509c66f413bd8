/**
 * « Plus tard » in the plan (flow.ts): a deferred enrollment counts only while the account, as it
 * stands at this step, is in its grace period — the plan keeps nothing of the step where it was
 * put off — and never where the application asks for two factors.
 */
import { describe, expect, it } from 'vitest';
import { type AccountStanding, type FlowState, flowResult, nextStep } from './flow.ts';

const flow: FlowState = {
  id: 'f1',
  accountId: 'a1',
  stepsDone: [
    { step: 'password', amr: ['pwd'], at: 1 },
    { step: 'enroll', amr: [], at: 2, by: 'deferred' },
  ],
};
const inGrace: AccountStanding = {
  locked: false,
  mfaRequired: true,
  activeMethods: [],
  grace: { endsAt: 10, daysLeft: 1 },
};
const { grace: _, ...graceOver } = inGrace;

describe('an enrollment put off', () => {
  it('ends the sign-in with one factor while the grace lasts', () => {
    expect(nextStep(flow, inGrace)).toBe('done');
    expect(flowResult(flow, inGrace).acr).toBe('urn:sesame:loa:1fa');
  });

  it('counts for nothing once the grace is over, as the account stands now', () => {
    expect(nextStep(flow, graceOver)).toBe('enroll');
    expect(() => flowResult(flow, graceOver)).toThrow('not complete');
  });

  it('counts for nothing where the application asks for two factors, or a method must be added', () => {
    expect(nextStep(flow, inGrace, { twoFactors: true })).toBe('enroll');
    expect(nextStep(flow, inGrace, { twoFactors: false, addMethod: true })).toBe('enroll');
  });

  it('never stands for a method the account has: that one is asked first', () => {
    const enrolled = { ...inGrace, activeMethods: [{ id: 'm1', kind: 'totp', flow_id: null }] };
    expect(nextStep(flow, enrolled)).toBe('mfa');
  });

  it('is no way around a method the policy requires, once the grace is over', () => {
    const missing = { ...graceOver, missingMethods: ['totp'] };
    expect(nextStep(flow, missing)).toBe('enroll');
    expect(nextStep(flow, { ...missing, grace: inGrace.grace })).toBe('done');
  });
});

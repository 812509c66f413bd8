/** The pure checks of remember this browser: when it may stand for the second factor, when offered. */
import { describe, expect, it } from 'vitest';
import { nextStep } from '../sign-in/flow.ts';
import { mayOfferRememberBrowser, mayUseRememberedBrowser } from './may-use-remembered-browser.ts';
import { parseRememberDuration } from './remember-setting.ts';

const plain = { twoFactors: false };

describe('mayUseRememberedBrowser', () => {
  it('only where the organization allows it, in an application sign-in that asks nothing more', () => {
    expect(mayUseRememberedBrowser({ rememberDays: 30, host: 'interaction', demands: plain })).toBe(
      true,
    );
    expect(mayUseRememberedBrowser({ rememberDays: 0, host: 'interaction', demands: plain })).toBe(
      false,
    );
    expect(mayUseRememberedBrowser({ rememberDays: 30, host: 'account', demands: plain })).toBe(
      false,
    );
    const twoFactors = { twoFactors: true };
    expect(
      mayUseRememberedBrowser({ rememberDays: 30, host: 'interaction', demands: twoFactors }),
    ).toBe(false);
    const fresh = { twoFactors: false, freshSignIn: true };
    expect(mayUseRememberedBrowser({ rememberDays: 30, host: 'interaction', demands: fresh })).toBe(
      false,
    );
  });

  it('is offered at the second factor of an application sign-in only', () => {
    expect(mayOfferRememberBrowser({ rememberDays: 30, host: 'interaction' })).toBe(true);
    expect(mayOfferRememberBrowser({ rememberDays: 30, host: 'account' })).toBe(false);
    expect(mayOfferRememberBrowser({ rememberDays: 0, host: 'interaction' })).toBe(false);
  });
});

describe('the plan with a second factor skipped by a remembered browser', () => {
  const flow = {
    id: 'f',
    accountId: 'a',
    stepsDone: [
      { step: 'password' as const, amr: ['pwd'], at: 1 },
      { step: 'mfa' as const, amr: [], at: 1, by: 'remembered_browser' as const },
    ],
  };
  const method = { id: 'm', kind: 'totp', flow_id: null };
  const standing = { locked: false, mfaRequired: true, activeMethods: [method] };

  it('counts it for an account with a method, where nothing asks for more', () => {
    expect(nextStep(flow, standing, plain)).toBe('done');
  });

  it('does not count it where two factors, a fresh sign-in or a new method are asked', () => {
    expect(nextStep(flow, standing, { twoFactors: true })).toBe('mfa');
    expect(nextStep(flow, standing, { twoFactors: false, freshSignIn: true })).toBe('mfa');
    expect(nextStep(flow, standing, { twoFactors: true, addMethod: true })).toBe('mfa');
  });

  it('never skips an enrollment: an account without a method enrolls', () => {
    expect(nextStep(flow, { ...standing, activeMethods: [] }, plain)).toBe('enroll');
  });
});

describe('parseRememberDuration', () => {
  it('reads Nd from 1 to 365 days, and off', () => {
    expect(parseRememberDuration('30d')).toBe(30);
    expect(parseRememberDuration('1d')).toBe(1);
    expect(parseRememberDuration('365d')).toBe(365);
    expect(parseRememberDuration('off')).toBe(0);
    for (const wrong of ['0d', '366d', '30', 'd', '030d', '1.5d', ' 30d', '30D', 'on'])
      expect(parseRememberDuration(wrong)).toBeUndefined();
  });
});

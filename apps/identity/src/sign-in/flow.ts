/**
 * The sign-in flow as data: which steps an account must pass, and which comes next. Pure.
 *
 * The plan is decided once, right after the password, from the account's MFA standing, and kept
 * with the flow: an account that enrolls during this sign-in does not get asked for the code of
 * the authenticator it has just added, and one that has an authenticator must use it.
 */
import type { MfaStanding } from '../policy/mfa-policy.ts';

export type SignInStep = 'password' | 'enroll' | 'mfa';

export interface PassedStep {
  step: SignInStep;
  /** RFC 8176 authentication methods this step proved (`pwd`, `otp`…); none for enrollment. */
  amr: string[];
}

export interface FlowState {
  accountId: string | null;
  plan: SignInStep[];
  stepsDone: PassedStep[];
}

export interface FlowResult {
  accountId: string;
  amr: string[];
  acr: string;
}

export const acrValues = {
  oneFactor: 'urn:sesame:loa:1fa',
  twoFactors: 'urn:sesame:loa:2fa',
} as const;

/** The guide's rule: MFA required and no active authenticator → enroll; an authenticator → use it. */
export function planSteps(standing: MfaStanding): SignInStep[] {
  if (standing.hasActiveAuthenticator) return ['password', 'mfa'];
  if (standing.required) return ['password', 'enroll'];
  return ['password'];
}

export function nextStep(state: FlowState): SignInStep | 'done' {
  const done = new Set(state.stepsDone.map((passed) => passed.step));
  return state.plan.find((step) => !done.has(step)) ?? 'done';
}

/** What is handed to oidc-provider once every step is done; throws if one is missing (G-22). */
export function flowResult(state: FlowState): FlowResult {
  if (state.accountId === null || nextStep(state) !== 'done') {
    throw new Error('sign-in flow is not complete');
  }
  const amr = [...new Set(state.stepsDone.flatMap((passed) => passed.amr))];
  // Two factors: something known (pwd) and something held (otp), RFC 8176 / NIST 800-63B-4 AAL2.
  const twoFactors = amr.includes('pwd') && amr.some((method) => method !== 'pwd');
  return {
    accountId: state.accountId,
    amr,
    acr: twoFactors ? acrValues.twoFactors : acrValues.oneFactor,
  };
}

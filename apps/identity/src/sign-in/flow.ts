/**
 * The sign-in flow as data: which steps an account must pass, and which comes next. Pure, so
 * that MFA enrollment and verification slot in as further steps (the password is the first).
 */
export type SignInStep = 'password';

export interface FlowState {
  accountId: string | null;
  stepsDone: SignInStep[];
}

export interface FlowResult {
  accountId: string;
  /** RFC 8176 authentication method references of the steps passed. */
  amr: string[];
  acr: string;
}

const amrOf: Record<SignInStep, string> = { password: 'pwd' };

/** The steps this account must pass, in order (MFA policy adds to this list). */
export function requiredSteps(_state: FlowState): SignInStep[] {
  return ['password'];
}

export function nextStep(state: FlowState): SignInStep | 'done' {
  return requiredSteps(state).find((step) => !state.stepsDone.includes(step)) ?? 'done';
}

/** What is handed to oidc-provider once every step is done; throws if one is missing (G-22). */
export function flowResult(state: FlowState): FlowResult {
  if (state.accountId === null || nextStep(state) !== 'done')
    throw new Error('sign-in flow is not complete');
  const amr = state.stepsDone.map((step) => amrOf[step]);
  return {
    accountId: state.accountId,
    amr,
    acr: amr.length > 1 ? 'urn:sesame:loa:2fa' : 'urn:sesame:loa:1fa',
  };
}

/**
 * The sign-in flow as data: which step comes next, as a pure function of what this flow has
 * passed and of the account's standing *now* (G-40). Nothing is decided once and kept: every step
 * re-reads the account, so a flow left waiting follows what happened elsewhere meanwhile — the
 * real user enrolled in another browser, an administrator locked the account or reset its methods.
 *
 * The checks, in order (oidc-provider's prompt policy is the model):
 * 1. no password yet → `password`;
 * 2. the account is gone or locked → `refused` (G-41);
 * 3. the account has an active method that this flow did not enroll, and none was passed → `mfa`;
 * 4. a method was passed, or enrollment ended (« Terminer ») → `done`;
 * 5. two factors are required (policy, or the application's `acr_values`), or this flow has started
 *    enrolling → `enroll`;
 * 6. otherwise → `done`.
 */

export type SignInStep = 'password' | 'enroll' | 'mfa';

export interface PassedStep {
  step: SignInStep;
  /** RFC 8176 authentication methods this step proved (`pwd`, `otp`…); none for enrollment. */
  amr: string[];
  /**
   * When it was passed (ms): how fresh a factor is, for a step-up that needs one of the last
   * minutes. 0 for steps recorded before steps had a time.
   */
  at: number;
}

export interface FlowState {
  id: string;
  accountId: string | null;
  stepsDone: PassedStep[];
}

/** What the plan needs of an active method: which it is, and the flow that enrolled it (if any). */
export interface ActiveMethod {
  id: string;
  kind: string;
  flow_id: string | null;
}

/** The account as it stands at this step (its methods as records of any richer shape). */
export interface AccountStanding<M extends ActiveMethod = ActiveMethod> {
  locked: boolean;
  /** The organization or an administrator requires MFA of this account. */
  mfaRequired: boolean;
  activeMethods: M[];
}

/** What the application asked of this sign-in. */
export interface SignInDemands {
  /** `acr_values` names two factors: MFA even where the policy does not require it. */
  twoFactors: boolean;
}

export type NextStep = SignInStep | 'done' | 'refused';

export interface FlowResult {
  accountId: string;
  amr: string[];
  acr: string;
  /** When this flow's latest factor beyond the password was passed (ms), if it passed one. */
  secondFactorAt: number | undefined;
}

export const acrValues = {
  oneFactor: 'urn:sesame:loa:1fa',
  twoFactors: 'urn:sesame:loa:2fa',
} as const;

/** The methods a flow may verify with: the account's, but never one this very flow enrolled. */
export function methodsToVerify<M extends ActiveMethod>(
  flow: FlowState,
  standing: AccountStanding<M>,
): M[] {
  return standing.activeMethods.filter((method) => method.flow_id !== flow.id);
}

/** The methods this flow enrolled: the only ones its « Terminer » can complete with (G-40). */
export function methodsEnrolledBy<M extends ActiveMethod>(
  flow: FlowState,
  standing: AccountStanding<M>,
): M[] {
  return standing.activeMethods.filter((method) => method.flow_id === flow.id);
}

export function nextStep(
  flow: FlowState,
  standing: AccountStanding | undefined,
  demands: SignInDemands = { twoFactors: false },
): NextStep {
  const passed = new Set(flow.stepsDone.map((done) => done.step));
  if (!passed.has('password') || flow.accountId === null) return 'password';
  // G-41: a locked (or deleted) account completes no step and is never handed to the provider.
  if (standing === undefined || standing.locked) return 'refused';
  const verified = passed.has('mfa');
  // G-40: a method that exists now, and that this flow did not enroll, must be passed first.
  if (!verified && methodsToVerify(flow, standing).length > 0) return 'mfa';
  if (verified || passed.has('enroll')) return 'done';
  const enrolling = methodsEnrolledBy(flow, standing).length > 0;
  if (standing.mfaRequired || demands.twoFactors || enrolling) return 'enroll';
  return 'done';
}

/** What is handed to oidc-provider once nothing is left; throws if a step is missing (G-22). */
export function flowResult(
  flow: FlowState,
  standing: AccountStanding | undefined,
  demands: SignInDemands = { twoFactors: false },
): FlowResult {
  if (flow.accountId === null || nextStep(flow, standing, demands) !== 'done') {
    throw new Error('sign-in flow is not complete');
  }
  // Only what this flow's own verifications returned.
  const amr = [...new Set(flow.stepsDone.flatMap((passed) => passed.amr))];
  // Two factors: something known (pwd) and something held (otp…), RFC 8176 / NIST 800-63B-4 AAL2.
  const twoFactors = amr.includes('pwd') && amr.some((method) => method !== 'pwd');
  const secondFactors = flow.stepsDone.filter((passed) => passed.amr.some((m) => m !== 'pwd'));
  return {
    accountId: flow.accountId,
    amr,
    acr: twoFactors ? acrValues.twoFactors : acrValues.oneFactor,
    secondFactorAt:
      secondFactors.length === 0 ? undefined : Math.max(...secondFactors.map((s) => s.at)),
  };
}

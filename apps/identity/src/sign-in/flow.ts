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
 * 4. enrollment was put off (« Plus tard ») and may still be, as the account stands now → `done`;
 * 5. the policy requires a method the account lacks → `enroll`;
 * 6. a method was passed, or enrollment ended (« Terminer ») → `done`;
 * 7. two factors are required (policy, or the application's `acr_values`), or this flow has started
 *    enrolling → `enroll`;
 * 8. otherwise → `done`.
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
  /**
   * How the step was passed when not by a verification: `remembered_browser` — a second factor
   * skipped by a browser the account chose to remember (remember-browser/); it proves no method
   * (its amr are empty) and counts only where the demands allow one. `deferred` — enrollment put
   * off by « Plus tard » in the grace period: it counts only while `enrollmentDeferrable` holds.
   */
  by?: 'remembered_browser' | 'deferred';
  /**
   * Passed with a method after which the sign-in must enroll one before it ends (a temporary
   * access code the help desk gave for a lost phone: factors/factor.ts `enrollAfter`).
   */
  enrollAfter?: true;
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
  /**
   * Its active backup methods (recovery codes): verified beside the active methods, never in
   * their stead — an account with only these has enrolled nothing (factors/factor.ts `backup`).
   */
  backupMethods?: M[];
  /**
   * Its active methods that do not satisfy "MFA required" (an email code): offered beside the
   * others only to a sign-in that needs no AAL2 (`methodsToOffer`), never making a second step.
   */
  weakerMethods?: M[];
  /** Methods (kinds) the policy requires that the account has not enrolled, where MFA is required. */
  missingMethods?: string[];
  /** The grace period (policy/mfa-grace.ts), while enrollment may still be put off. */
  grace?: { endsAt: number; daysLeft: number };
}

/** What the application asked of this sign-in. */
export interface SignInDemands {
  /** `acr_values` names two factors: MFA even where the policy does not require it. */
  twoFactors: boolean;
  /** `max_age` or `prompt=login`: the application wants a full sign-in (no remembered browser). */
  freshSignIn?: boolean;
  /** A step-up to add a method (the security page's « Ajouter une méthode »): enroll after the factor. */
  addMethod?: boolean;
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
  const methods = standing.activeMethods.filter((method) => method.flow_id !== flow.id);
  if (methods.length === 0) return methods;
  // A backup is a way in beside a method the account has, not a method of its own.
  return [...methods, ...(standing.backupMethods ?? []).filter((m) => m.flow_id !== flow.id)];
}

/**
 * What the second-factor step offers: the methods to verify, and — only when neither the policy nor
 * the application asks for two factors — the account's weaker ones beside them (G-17).
 */
export function methodsToOffer<M extends ActiveMethod>(
  flow: FlowState,
  standing: AccountStanding<M>,
  demands: SignInDemands,
): M[] {
  const methods = methodsToVerify(flow, standing);
  if (methods.length === 0 || standing.mfaRequired || demands.twoFactors) return methods;
  return [...methods, ...(standing.weakerMethods ?? []).filter((m) => m.flow_id !== flow.id)];
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
  const passed = new Set(flow.stepsDone.filter((d) => !d.by).map((done) => done.step));
  if (!passed.has('password') || flow.accountId === null) return 'password';
  // G-41: a locked (or deleted) account completes no step and is never handed to the provider.
  if (standing === undefined || standing.locked) return 'refused';
  const toVerify = methodsToVerify(flow, standing).length > 0;
  const verified = passed.has('mfa') || (toVerify && rememberedCounts(flow, demands));
  // G-40: a method that exists now, and that this flow did not enroll, must be passed first.
  if (!verified && toVerify) return 'mfa';
  // Adding a method from the security page: its enrollment comes after the fresh factor (G-23);
  // after a temporary access code, the method that replaces the lost one.
  const enrollAfter = flow.stepsDone.some((done) => done.enrollAfter === true);
  if ((demands.addMethod === true || enrollAfter) && !passed.has('enroll')) return 'enroll';
  if (deferred(flow, standing, demands)) return 'done';
  if ((standing.missingMethods?.length ?? 0) > 0) return 'enroll';
  if (verified || passed.has('enroll')) return 'done';
  const enrolling = methodsEnrolledBy(flow, standing).length > 0;
  if (standing.mfaRequired || demands.twoFactors || enrolling) return 'enroll';
  return 'done';
}

/**
 * Whether this flow may put its enrollment off (« Plus tard »): the account is in its grace period
 * now, the enrollment is the policy's (not the application's `acr_values`, not an added method,
 * not the replacement after a temporary access code), and this flow has enrolled nothing yet.
 */
export function enrollmentDeferrable(
  flow: FlowState,
  standing: AccountStanding,
  demands: SignInDemands,
): boolean {
  if (standing.grace === undefined || demands.twoFactors || demands.addMethod === true)
    return false;
  if (flow.stepsDone.some((done) => done.enrollAfter === true)) return false;
  return methodsEnrolledBy(flow, standing).length === 0;
}

/** Enrollment put off by this flow, and still deferrable as the account stands now. */
function deferred(flow: FlowState, standing: AccountStanding, demands: SignInDemands): boolean {
  const put = flow.stepsDone.some((done) => done.step === 'enroll' && done.by === 'deferred');
  return put && enrollmentDeferrable(flow, standing, demands);
}

/**
 * A second factor skipped by a remembered browser: it stands for a method the account has (never
 * for one it must enroll), and never where two factors or a fresh sign-in are asked.
 */
function rememberedCounts(flow: FlowState, demands: SignInDemands): boolean {
  if (demands.twoFactors || demands.freshSignIn === true || demands.addMethod === true)
    return false;
  return flow.stepsDone.some((done) => done.step === 'mfa' && done.by === 'remembered_browser');
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
  // Two factors: something known (pwd) and something held (otp…), RFC 8176 / NIST 800-63B-4 AAL2;
  // or one method that proved two by itself (`mfa`: a passkey that verified its user).
  const twoFactors =
    amr.includes('mfa') || (amr.includes('pwd') && amr.some((method) => method !== 'pwd'));
  const secondFactors = flow.stepsDone.filter((passed) => passed.amr.some((m) => m !== 'pwd'));
  return {
    accountId: flow.accountId,
    amr,
    acr: twoFactors ? acrValues.twoFactors : acrValues.oneFactor,
    secondFactorAt:
      secondFactors.length === 0 ? undefined : Math.max(...secondFactors.map((s) => s.at)),
  };
}

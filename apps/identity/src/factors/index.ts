/**
 * The registry of MFA methods, in the order the choose page shows them. Adding a method is one
 * line here (and its folder, its migration and its messages); nothing else names a method.
 */
import { sesameVerifyFactor } from './authenticator-app/sesame-verify-factor.tsx';
import { emailCodeFactor } from './email-code/email-code-factor.ts';
import type { Authenticator, Factor } from './factor.ts';
import { recoveryCodesFactor } from './recovery-codes/recovery-codes-factor.tsx';
import { smsCodeFactor } from './sms-code/sms-code-factor.ts';
import { temporaryAccessCodeFactor } from './temporary-access-code/temporary-access-code-factor.tsx';
import { otherAppFactor } from './totp/other-app-factor.tsx';
import { passkeyFactor } from './webauthn/passkey-factor.tsx';

export const factors: readonly Factor[] = [
  sesameVerifyFactor,
  otherAppFactor,
  passkeyFactor,
  smsCodeFactor,
  emailCodeFactor,
  recoveryCodesFactor,
  temporaryAccessCodeFactor,
];

export function factorOfKind(kind: string): Factor | undefined {
  return factors.find((factor) => factor.kind === kind);
}

/** Whether an authenticator of this kind satisfies "MFA required"; an unknown kind does not. */
export function satisfiesMfa(kind: string): boolean {
  return factorOfKind(kind)?.satisfiesMfa ?? false;
}

/** Whether it is a backup method (recovery codes): beside the others, never an enrollment. */
export function isBackup(kind: string): boolean {
  return factorOfKind(kind)?.backup ?? false;
}

/** The backup methods' kinds: an account holding only these has enrolled nothing. */
export function backupKinds(): string[] {
  return factors.filter((factor) => factor.backup === true).map((factor) => factor.kind);
}

/** The order the second-factor step offers authenticators in: by method, then oldest first. */
export function byPreference(a: Authenticator, b: Authenticator): number {
  const rank = (x: Authenticator) => factorOfKind(x.kind)?.preference ?? Number.MAX_SAFE_INTEGER;
  return rank(a) - rank(b) || a.created_at - b.created_at;
}

/**
 * The registry of MFA methods, in the order the choose page shows them. Adding a method is one
 * line here (and its folder, its migration and its messages); nothing else names a method.
 */
import { sesameVerifyFactor } from './authenticator-app/sesame-verify-factor.tsx';
import type { Authenticator, Factor } from './factor.ts';
import { otherAppFactor } from './totp/other-app-factor.tsx';

export const factors: readonly Factor[] = [sesameVerifyFactor, otherAppFactor];

export function factorOfKind(kind: string): Factor | undefined {
  return factors.find((factor) => factor.kind === kind);
}

/** Whether an authenticator of this kind satisfies "MFA required"; an unknown kind does not. */
export function satisfiesMfa(kind: string): boolean {
  return factorOfKind(kind)?.satisfiesMfa ?? false;
}

/** The order the second-factor step offers authenticators in: by method, then oldest first. */
export function byPreference(a: Authenticator, b: Authenticator): number {
  const rank = (x: Authenticator) => factorOfKind(x.kind)?.preference ?? Number.MAX_SAFE_INTEGER;
  return rank(a) - rank(b) || a.created_at - b.created_at;
}

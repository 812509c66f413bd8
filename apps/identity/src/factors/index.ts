/**
 * The registry of MFA methods, in the order the choose page shows them. Adding a method is one
 * line here (and its folder).
 */
import { sesameVerifyFactor } from './authenticator-app/sesame-verify-factor.tsx';
import type { Factor } from './factor.ts';
import { otherAppFactor } from './totp/other-app-factor.tsx';

export const factors: readonly Factor[] = [sesameVerifyFactor, otherAppFactor];

export function factorOfKind(kind: string): Factor | undefined {
  return factors.find((factor) => factor.kind === kind);
}

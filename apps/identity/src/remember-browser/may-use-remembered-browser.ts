/**
 * When a remembered browser may stand in for the second factor (issue 8 §5), as one pure check:
 * never where the organization does not allow it, never for a step-up (the security page's own
 * checks want a real factor of the last minutes, G-23), never when the application asked for two
 * factors (`acr_values`) or for a fresh sign-in (`max_age`, `prompt=login`).
 */
import type { FlowHostKind } from '../db/database.ts';
import type { SignInDemands } from '../sign-in/flow.ts';

export function mayUseRememberedBrowser(input: {
  rememberDays: number;
  host: FlowHostKind;
  demands: SignInDemands;
}): boolean {
  // The organization's `remember-browser off` (the default).
  if (input.rememberDays <= 0) return false;
  // A step-up proves a second factor now, or nothing (G-23).
  if (input.host !== 'interaction') return false;
  // The application asked for two factors: it gets them, performed in this sign-in.
  if (input.demands.twoFactors) return false;
  // `max_age` or `prompt=login`: the application wants the user to sign in again, fully.
  return input.demands.freshSignIn !== true;
}

/** Whether the second-factor page offers « Ne plus demander sur cet appareil »: never in a step-up. */
export function mayOfferRememberBrowser(input: { rememberDays: number; host: FlowHostKind }) {
  return input.rememberDays > 0 && input.host === 'interaction';
}

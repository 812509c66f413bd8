/**
 * The screens of Sesame Verify and the way between them: a stack mirrored in the browser's
 * history, so the phone's back gesture goes back one screen.
 */
import type { ActivationCredential } from '../core/activate-account.ts';
import type { OtpauthAccount } from '../core/parse-otpauth-uri.ts';

/** A scanned or typed activation, not yet redeemed. */
export type PendingActivation = ActivationCredential & { issuer: string };

export type Step =
  | { name: 'accounts' }
  | { name: 'account-type' }
  | { name: 'add-organization' }
  | { name: 'scan-intro' }
  /** The camera: an organization's activation link, or (`other`) another service's otpauth QR. */
  | { name: 'scanner'; other?: true }
  | { name: 'manual' }
  | { name: 'confirm'; pending: PendingActivation }
  | { name: 'device-name'; pending: PendingActivation }
  | { name: 'account'; id: string }
  | { name: 'settings' }
  /** « Autre »: another service's codes, by its QR code or its key. */
  | { name: 'add-other' }
  | { name: 'other-manual' }
  | { name: 'other-confirm'; account: OtpauthAccount }
  | { name: 'other-account'; id: string }
  /** A sign-in request to approve (by its id: the notification opens it). */
  | { name: 'push-request'; id: string }
  /** After an account is added: ask for notifications, then the list with `notice`. */
  | { name: 'notifications'; notice: string };

export type Notice = { kind: 'ok' | 'error'; text: string };

export interface Navigation {
  go(step: Step): void;
  /** Instead of the current screen (the scanner, once it has read a code). */
  replace(step: Step): void;
  back(): void;
  /** Back to the account list, forgetting the screens in between. */
  home(notice?: Notice): void;
  /** Back to the account list, then on to `step` (start the add-account path again). */
  restart(step: Step): void;
}

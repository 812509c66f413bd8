/**
 * « Clé de sécurité ou biométrie »: passkeys (WebAuthn, @simplewebauthn/server and /browser).
 * Registered from step 9 or the security page, by an authenticated flow of the account (G-21);
 * used as the second factor after the password, or — where the organization allows it — to sign
 * in without password, user verification required (G-20). One authenticator per credential.
 */
import type { Factor } from '../factor.ts';
import { passkeyEnrollmentRoutes } from './passkey-enrollment-routes.tsx';
import { passkeyKind } from './passkey-kind.ts';
import { passkeySignIn } from './passkey-sign-in.tsx';
import { passkeyVerification } from './passkey-verification.ts';

export const passkeyFactor: Factor = {
  kind: passkeyKind,
  slug: 'passkey',
  title: 'factor.passkey.title',
  description: 'factor.passkey.description',
  // A key held (hwk bound to one authenticator, swk synced), and the user when verified.
  amr: ['hwk', 'swk', 'user'],
  satisfiesMfa: true,
  preference: 15,
  describe: (t, authenticator) => t('factor.passkey.named', { name: authenticator.label }),
  enrollmentRoutes: passkeyEnrollmentRoutes,
  // Its registration is not an authentication (G-21): « Terminer » after it proves nothing.
  enrollmentProvesNothing: true,
  firstFactor: passkeySignIn,
  verification: passkeyVerification,
};

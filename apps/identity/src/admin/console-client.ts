/**
 * The administration console signs in as an OpenID Connect client of Sesame itself (ADR 0010),
 * like any application: the authorization code flow with PKCE, always asking for two factors
 * (`acr_values`). Registered by the server, not by configuration; its secret is derived from the
 * deployment's key and never leaves the process.
 */
import { createHmac } from 'node:crypto';
import type { ClientConfig } from '../config.ts';
import { acrValues } from '../sign-in/flow.ts';

export const consoleClientId = 'sesame-console';

/** Where the console's sign-in comes back, and where the console starts it. */
export const consolePaths = {
  home: '/admin',
  signIn: '/admin/sign-in',
  callback: '/admin/callback',
  signedOut: '/admin/signed-out',
} as const;

/** An administrator signs in with two factors, always (issue 9 §1). */
export const consoleAcr = acrValues.twoFactors;

export function consoleClient(
  publicUrl: string,
  secretKey: Buffer,
): ClientConfig & { twoFactorsRequired: true } {
  return {
    clientId: consoleClientId,
    name: 'Console d’administration Sesame',
    clientSecret: createHmac('sha256', secretKey)
      .update('sesame:console-client-secret')
      .digest('base64url'),
    redirectUris: [`${publicUrl}${consolePaths.callback}`],
    postLogoutRedirectUris: [`${publicUrl}${consolePaths.signedOut}`],
    initiateLoginUri: `${publicUrl}${consolePaths.signIn}`,
    // Every sign-in to the console proves two factors, whatever is asked (oidc/client-metadata.ts).
    twoFactorsRequired: true,
  };
}

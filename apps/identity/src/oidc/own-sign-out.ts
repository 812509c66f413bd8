/**
 * G-43: may an RP-initiated sign-out go through without asking? Only when its ID token hint (its
 * signature already checked by oidc-provider) is this browser's own. Anyone can put their own,
 * or an old, ID token in a link; signing the victim out on that is a forced logout.
 * OpenID RP-Initiated Logout 1.0 §2 and §6.
 */

/** The claims of the hint that matter here. */
export interface SignOutHint {
  sub?: unknown;
  aud?: unknown;
  auth_time?: unknown;
}

/** This browser's provider session. */
export interface SignedInSession {
  accountId?: string | undefined;
  /** oidc-provider's sign-in time (epoch seconds), the ID tokens' `auth_time`. */
  loginTs?: number | undefined;
  /** The clients this session signed in to. */
  clientIds: readonly string[];
}

export function isOwnSignOut(hint: SignOutHint | undefined, session: SignedInSession): boolean {
  // Nothing signed in, or no hint: nothing proves the request comes from this session's client.
  if (hint === undefined || session.accountId === undefined) return false;
  // Another account's ID token.
  if (hint.sub !== session.accountId) return false;
  // A client this session never signed in to (an ID token names one client, as a string).
  if (typeof hint.aud !== 'string' || !session.clientIds.includes(hint.aud)) return false;
  // The same person's token from an earlier or another sign-in: not this session's.
  return session.loginTs !== undefined && hint.auth_time === session.loginTs;
}

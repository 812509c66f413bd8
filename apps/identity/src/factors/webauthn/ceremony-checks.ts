/**
 * The passkey ceremonies' own rules, as pure functions (DESIGN.md convention 2). What the
 * browser's answer proves — origin, RP ID, challenge, user presence and verification, the
 * signature — is checked by @simplewebauthn/server; these are the server's policy around it.
 */

/** 32 random bytes: a challenge of 256 bits, above the 128 of G-20. */
export const challengeBytes = 32;
/** How long a ceremony's challenge may be answered. */
export const ceremonyTtlSeconds = 300;
/** How long the browser waits for the authenticator (the options' `timeout`). */
export const ceremonyTimeoutMs = 120_000;
/** ES256 and RS256 only: the algorithms every platform authenticator and security key offers. */
export const supportedAlgorithmIds = [-7, -257];

export interface RelyingParty {
  /** The RP ID: the host name of the public URL, exactly. */
  id: string;
  /** The one origin the browser's answer must come from. */
  origin: string;
  name: string;
}

/** The relying party of a deployment, from its public URL only (never from the request). */
export function relyingPartyOf(publicUrl: string): RelyingParty {
  const url = new URL(publicUrl);
  return { id: url.hostname, origin: url.origin, name: 'Sesame' };
}

/**
 * A signature counter that did not go up (when either is non-zero) may come from a cloned
 * authenticator (WebAuthn Level 3 §6.1.1, §7.2 step 21): refused and audited (G-20).
 */
export function isSignCountRegression(stored: number, received: number): boolean {
  return (stored > 0 || received > 0) && received <= stored;
}

export interface AssertionFacts {
  /** 'multiDevice': a synced passkey; 'singleDevice': bound to one authenticator. */
  deviceType: 'singleDevice' | 'multiDevice';
  userVerified: boolean;
}

/**
 * What a passkey's assertion proves (RFC 8176): a key held — `hwk` when bound to one
 * authenticator, `swk` when synced between devices — and `user` when the authenticator verified
 * the user (PIN, biometrics). Without user verification it is one factor only.
 */
export function assertionAmr(facts: AssertionFacts): string[] {
  const key = facts.deviceType === 'multiDevice' ? 'swk' : 'hwk';
  return facts.userVerified ? [key, 'user'] : [key];
}

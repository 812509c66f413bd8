/**
 * How long oidc-provider keeps the single sign-on session from now on. It saves the session, with
 * this lifetime, at every request that uses it: a fixed number would slide forever. G-27: at
 * AAL2, 12 h at most from the sign-in however active the browser (absolute), and 1 h without use
 * (idle). NIST 800-63B-4 §2.2.3.
 */
export const sessionLimitSeconds = { absolute: 12 * 3600, idle: 3600 } as const;

/**
 * Seconds the session may live from `nowSeconds`, given when the account signed in (`loginTs`,
 * epoch seconds; none before a sign-in). Never less than 1: oidc-provider requires a positive
 * lifetime, and storage has already dropped a session past its end.
 */
export function sessionTtlSeconds(loginTs: number | undefined, nowSeconds: number): number {
  const idle = sessionLimitSeconds.idle;
  if (loginTs === undefined) return idle;
  const untilAbsoluteEnd = loginTs + sessionLimitSeconds.absolute - nowSeconds;
  return Math.max(1, Math.min(idle, untilAbsoluteEnd));
}

/**
 * Push approval's challenges (`challenges.kind`) and its fixed numbers: a request lives 2 minutes
 * (NIST 800-63B-4 §3.1.3.2 allows up to 10), and an account gets at most 3 pushes per 10 minutes
 * without an approval (anti-fatigue, G-15 and G-49).
 */
export const pushChallengeKind = 'sesame-verify-push';

export const pushTtlSeconds = 120;
export const pushWindowSeconds = 600;
export const pushesPerWindow = 3;

/** The bus channel on which an authenticator's device hears of its new or settled requests. */
export function pushRequestsChannel(authenticatorId: string): string {
  return `push-requests:${authenticatorId}`;
}

/**
 * The number a CIBA approval is matched by (OpenID Connect CIBA, poll mode: oidc/ciba.ts): derived
 * from the request's `auth_req_id`, which only the application (its client credentials got it)
 * and Sesame know. The application shows it beside its binding message; the client types it into
 * Sesame Verify, which signs it into its answer, as for a sign-in's push. 6 decimal digits
 * (NIST 800-63B-4 §3.1.3.2), by SHA-256 — Web Crypto, in Node and in browsers alike.
 */
export async function backchannelNumber(authReqId: string): Promise<string> {
  const data = new TextEncoder().encode(`sesame-ciba-number:${authReqId}`);
  const digest = new DataView(await crypto.subtle.digest('SHA-256', data));
  return String(digest.getUint32(0) % 1_000_000).padStart(6, '0');
}

/**
 * The `htu` of a device proof: the request's absolute URL with its query, without its fragment
 * (a fragment never reaches the server). Both sides build it with this one function, so that
 * what Sesame Verify signs is what the identity server checks.
 *
 * Stricter than DPoP (RFC 9449 §4.2 drops the query): here the proof is the device's only
 * credential, so whatever the query asks for (which challenge, which page of a list) must be
 * signed too, or anyone who can rewrite the URL in transit could change it under a valid proof.
 */
export function deviceProofUrl(url: string | URL): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}
